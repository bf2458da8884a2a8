import { Hono } from "hono";
import type { AuthorizationCheck, AuthorizationResponse } from "../../src/api/types";
import { apiError, readJson, UUID_PATTERN, type AppEnv, type Deps, type SessionUser } from "../httpapi";
import { canReadGroup, canUpdateGroup, isOwner } from "../rbac";

async function allowed(deps: Deps, user: SessionUser, check: AuthorizationCheck): Promise<boolean> {
  const { resource_type, resource_id, organization_id } = check.object ?? {};
  if (resource_type !== "group") return isOwner(user);
  if (!resource_id) {
    // "Any group in this organization".
    return canUpdateGroup(user, { organization_id: organization_id ?? "" }) || (check.action === "read" && isOwner(user));
  }
  if (!UUID_PATTERN.test(resource_id)) return false;
  const group = await deps.store.groupById(resource_id);
  if (!group) return false;
  if (check.action === "read") return canReadGroup(deps.store, user, group);
  return canUpdateGroup(user, group);
}

export function authCheckRoutes() {
  const routes = new Hono<AppEnv>();
  routes.post("/authcheck", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const checks = (body.value as { checks?: unknown } | null)?.checks;
    if (typeof checks !== "object" || checks === null || Array.isArray(checks)) {
      return apiError(c, 400, "Validation failed.", { validations: [{ field: "checks", detail: "Must be an object." }] });
    }
    const answer: AuthorizationResponse = {};
    for (const [name, check] of Object.entries(checks as Record<string, AuthorizationCheck>)) {
      answer[name] = await allowed(c.get("deps"), c.get("user"), check);
    }
    return c.json(answer);
  });
  return routes;
}
