import { infiniteQueryOptions } from "@tanstack/react-query";
import { API } from "../api";
import type { AuditLogResponse, AuthorizationRequest } from "../../../core/types";
import { queryKeys } from "./keys";

/** Coder's audit log for one search query, a page of `limit` rows at a time, newest first. */
export const auditLogPages = (q: string, limit: number) =>
  infiniteQueryOptions({
    queryKey: [...queryKeys.auditLogs(q, limit, 0), "pages"] as const,
    queryFn: ({ pageParam, signal }) => API.getAuditLogs({ q, limit, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (last: AuditLogResponse, pages: AuditLogResponse[]) => {
      const loaded = pages.reduce((n, page) => n + page.audit_logs.length, 0);
      return last.audit_logs.length > 0 && loaded < last.count ? loaded : undefined;
    },
  });

/** Whether the signed-in user may read an organization's audit log (Coder's `audit_log` read). */
export const auditReadChecks = (organizationId: string): AuthorizationRequest => ({
  checks: {
    canReadAuditLog: { object: { resource_type: "audit_log", organization_id: organizationId }, action: "read" },
  },
});
