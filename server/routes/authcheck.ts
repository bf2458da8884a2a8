import { Hono } from "hono";
import type { AuthorizationCheck, AuthorizationResponse } from "../../src/api/types";
import { authorize } from "../../src/domain/permissions";
import { apiError, readJson, UUID_PATTERN, type AppEnv } from "../httpapi";
import { viewerOf } from "../rbac";

export function authCheckRoutes() {
  const routes = new Hono<AppEnv>();
  routes.post("/authcheck", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const checks = (body.value as { checks?: unknown } | null)?.checks;
    if (typeof checks !== "object" || checks === null || Array.isArray(checks)) {
      return apiError(c, 400, "Validation failed.", { validations: [{ field: "checks", detail: "Must be an object." }] });
    }
    const { store } = c.get("deps");
    const viewer = viewerOf(c.get("user"));
    const facts = {
      groupOrganization: async (id: string) => (UUID_PATTERN.test(id) ? (await store.groupSummary(id))?.organization_id : undefined),
      isGroupMember: (groupId: string, userId: string) => store.isGroupMember(groupId, userId),
    };
    const answer: AuthorizationResponse = {};
    for (const [name, check] of Object.entries(checks as Record<string, AuthorizationCheck>)) {
      answer[name] = await authorize(viewer, check, facts);
    }
    return c.json(answer);
  });
  return routes;
}
