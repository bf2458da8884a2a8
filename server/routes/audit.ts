import { Hono } from "hono";
import type { AuditLogResponse } from "../../core/types";
import { checkPagingQuery } from "../../core/requestChecks";
import { auditOrganizations } from "../../core/domain/permissions";
import { INVALID_AUDIT_QUERY_MESSAGE, parseAuditQuery, unknownOrganization } from "../../core/domain/auditQuery";
import { resourceNotFound, UUID_PATTERN, type AppEnv } from "../httpapi";
import { canReadAuditLogs, viewerOf } from "../rbac";

export function auditRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get("/audit", async (c) => {
    const user = c.get("user");
    if (!canReadAuditLogs(user)) return resourceNotFound(c);
    const query = new URL(c.req.url).searchParams;
    const paging = checkPagingQuery(query);
    if (!paging.ok) return c.json(paging.body, 400);
    const search = parseAuditQuery(query.get("q"));
    if (!search.ok) return c.json(search.body, 400);
    const { store } = c.get("deps");
    const filter = { ...search.filter };
    // Coder's `organization:` term takes an id or a name.
    if (filter.organization !== undefined && !UUID_PATTERN.test(filter.organization)) {
      const organization = await store.organizations.byName(filter.organization);
      if (!organization)
        return c.json(
          { message: INVALID_AUDIT_QUERY_MESSAGE, validations: [unknownOrganization(filter.organization)] },
          400,
        );
      filter.organization = organization.id;
    }
    // An organization admin reads only their organizations' rows.
    const { logs, count } = await store.audit.page(
      paging.value.limit,
      paging.value.offset,
      auditOrganizations(viewerOf(user)),
      filter,
      user.row.id,
    );
    const body: AuditLogResponse = { audit_logs: logs, count };
    return c.json(body);
  });
  return routes;
}
