import { Hono } from "hono";
import type { AuditLogResponse } from "../../src/api/types";
import { resourceNotFound, type AppEnv } from "../httpapi";
import { canReadAuditLogs } from "../rbac";

export function auditRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get("/audit", async (c) => {
    if (!canReadAuditLogs(c.get("user"))) return resourceNotFound(c);
    const limit = Math.min(Math.max(Number(c.req.query("limit") ?? 50) || 50, 1), 1000);
    const offset = Math.max(Number(c.req.query("offset") ?? 0) || 0, 0);
    const { logs, count } = await c.get("deps").store.auditLogs(limit, offset);
    const body: AuditLogResponse = { audit_logs: logs, count };
    return c.json(body);
  });
  return routes;
}
