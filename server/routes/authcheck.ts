import { Hono } from "hono";
import type { AuthorizationResponse } from "../../core/types";
import { checkAuthorizationBody } from "../../core/requestChecks";
import { authorize } from "../../core/domain/permissions";
import { readJson, UUID_PATTERN, type AppEnv } from "../httpapi";
import { viewerOf } from "../rbac";

export function authCheckRoutes() {
  const routes = new Hono<AppEnv>();
  routes.post("/authcheck", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const checked = checkAuthorizationBody(body.value);
    if (!checked.ok) return c.json(checked.body, 400);
    const { store } = c.get("deps");
    const viewer = viewerOf(c.get("user"));
    // Many checks often name one group: ask the database once for each.
    const organizations = new Map<string, Promise<string | undefined>>();
    const memberships = new Map<string, Promise<boolean>>();
    const facts = {
      groupOrganization: (id: string) => {
        if (!UUID_PATTERN.test(id)) return undefined;
        if (!organizations.has(id))
          organizations.set(
            id,
            store.groups.summary(id).then((group) => group?.organization_id),
          );
        return organizations.get(id);
      },
      isGroupMember: (groupId: string, userId: string) => {
        const key = `${groupId}/${userId}`;
        if (!memberships.has(key)) memberships.set(key, store.memberships.isMember(groupId, userId));
        return memberships.get(key)!;
      },
    };
    const answer: AuthorizationResponse = {};
    for (const [name, check] of Object.entries(checked.value)) {
      answer[name] = await authorize(viewer, check, facts);
    }
    return c.json(answer);
  });
  return routes;
}
