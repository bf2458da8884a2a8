// Coder's audit log a page at a time, for the History tab. Kept beside the tab
// rather than in src/api/queries/ (whose files all load with the first page),
// so the initial bundle does not grow with it.
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { API } from "../../../api/api";
import { queryKeys } from "../../../api/queries/keys";
import type { AuditLog, AuthorizationRequest } from "../../../../core/types";

export const auditLogPage = (q: string, limit: number, offset: number) =>
  queryOptions({
    queryKey: queryKeys.auditLogs(q, limit, offset),
    queryFn: ({ signal }) => API.getAuditLogs({ q, limit, offset }, signal),
  });

/** The first `pages` pages of a search (fewer if it ends sooner): its rows, and whether more are left. */
export const auditLogPages = (queryClient: QueryClient, q: string, limit: number, pages: number) =>
  queryOptions({
    queryKey: [...queryKeys.auditLogs(q, limit, 0), "pages", pages] as const,
    queryFn: async (): Promise<{ rows: AuditLog[]; hasMore: boolean }> => {
      const rows: AuditLog[] = [];
      for (let page = 0; page < pages; page++) {
        // Pages already read come from the cache.
        const answer = await queryClient.fetchQuery(auditLogPage(q, limit, page * limit));
        rows.push(...answer.audit_logs);
        if (answer.audit_logs.length === 0 || rows.length >= answer.count) return { rows, hasMore: false };
      }
      return { rows, hasMore: true };
    },
  });

/** Whether the signed-in user may read an organization's audit log (Coder's `audit_log` read). */
export const auditReadChecks = (organizationId: string): AuthorizationRequest => ({
  checks: {
    canReadAuditLog: { object: { resource_type: "audit_log", organization_id: organizationId }, action: "read" },
  },
});
