import { Hono } from "hono";
import type { AuditLogResponse } from "../../core/types";
import { checkPagingQuery } from "../../core/requestChecks";
import { auditOrganizations } from "../../core/domain/permissions";
import { resourceNotFound, type AppEnv } from "../httpapi";
import { canReadAuditLogs, viewerOf } from "../rbac";

export function auditRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get("/audit", async (c) => {
    const user = c.get("user");
    if (!canReadAuditLogs(user)) return resourceNotFound(c);
    const paging = checkPagingQuery(new URL(c.req.url).searchParams);
    if (!paging.ok) return c.json(paging.body, 400);
    // An organization admin reads only their organizations' rows.
    const { logs, count } = await c
      .get("deps")
      .store.audit.page(paging.value.limit, paging.value.offset, auditOrganizations(viewerOf(user)));
    const body: AuditLogResponse = { audit_logs: logs, count };
    return c.json(body);
  });
  return routes;
}
