import { Hono } from "hono";
import { NOT_A_GROUP_MEMBER_MESSAGE } from "../../src/api/types";
import { checkUpsertOverrideBody } from "../../src/api/validation";
import { apiError, readJson, resourceNotFound, type AppEnv } from "../httpapi";
import { canUpdateGroup, isOwner } from "../rbac";

/** Per-user budgets: Owners may set them; Owners and organization admins may read them, as may the user. */
export function userAIBudgetOverrideRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get("/users/:user/ai/budget/override", async (c) => {
    const { spend } = c.get("deps");
    const me = c.get("user");
    const userId = c.req.param("user") === "me" ? me.row.id : await spend.userIdByName(c.req.param("user"));
    const mayRead = userId === me.row.id || isOwner(me) || me.memberships.some((m) => canUpdateGroup(me, m));
    if (!userId || !mayRead) return resourceNotFound(c);
    const override = await spend.override(userId);
    return override ? c.json(override) : resourceNotFound(c);
  });

  routes.put("/users/:user/ai/budget/override", async (c) => {
    const { spend } = c.get("deps");
    if (!isOwner(c.get("user"))) return resourceNotFound(c);
    const userId = await spend.userIdByName(c.req.param("user"));
    if (!userId) return resourceNotFound(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const checked = checkUpsertOverrideBody(body.value);
    if (!checked.ok) return c.json(checked.body, 400);
    const members = await spend.membersAmong(checked.value.group_id, [userId]);
    if (!members.has(userId)) {
      return apiError(c, 400, NOT_A_GROUP_MEMBER_MESSAGE, { validations: [{ field: "group_id", detail: NOT_A_GROUP_MEMBER_MESSAGE }] });
    }
    return c.json(await spend.upsertOverride(userId, checked.value.group_id, checked.value.spend_limit_micros));
  });

  routes.delete("/users/:user/ai/budget/override", async (c) => {
    const { spend } = c.get("deps");
    if (!isOwner(c.get("user"))) return resourceNotFound(c);
    const userId = await spend.userIdByName(c.req.param("user"));
    if (!userId || !(await spend.deleteOverride(userId))) return resourceNotFound(c);
    return c.body(null, 204);
  });

  return routes;
}
