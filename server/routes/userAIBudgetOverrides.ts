import { Hono } from "hono";
import { NOT_A_GROUP_MEMBER_MESSAGE } from "../../core/types";
import { checkUpsertOverrideBody } from "../../core/requestChecks";
import { apiError, readJson, resourceNotFound, type AppEnv } from "../httpapi";
import { canReadUserBudgetIn, canUpdateUsers } from "../rbac";
import { namedUser, readableUser } from "./middleware";

/**
 * Per-user budgets, as Coder allows them: Owners and User Admins change them;
 * the admins of an organization the user is in read them, as does the user.
 * Every change is audited.
 */
export function userAIBudgetOverrideRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get("/users/:user/ai/budget/override", async (c) => {
    const found = await readableUser(c);
    if ("response" in found) return found.response;
    const { store } = c.get("deps");
    const override = await store.overrides.of(found.target.id);
    // Charged to another organization's group: not for this organization's admins.
    const organization = override && (await store.groups.summary(override.group_id))?.organization_id;
    if (!override || !canReadUserBudgetIn(c.get("user"), found.target.id, organization ?? null))
      return resourceNotFound(c);
    return c.json(override);
  });

  routes.put("/users/:user/ai/budget/override", async (c) => {
    const { store } = c.get("deps");
    const me = c.get("user");
    if (!canUpdateUsers(me)) return resourceNotFound(c);
    const target = await namedUser(c);
    if (!target) return resourceNotFound(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const checked = checkUpsertOverrideBody(body.value);
    if (!checked.ok) return c.json(checked.body, 400);
    // Membership is checked in the write's own transaction, with the group locked (db/overrides.ts).
    const saved = await store.overrides.upsert(
      target,
      checked.value.group_id,
      checked.value.spend_limit_micros,
      me.row,
    );
    if (!saved) return resourceNotFound(c);
    if (saved === "not a member") {
      return apiError(c, 400, NOT_A_GROUP_MEMBER_MESSAGE, {
        validations: [{ field: "group_id", detail: "The user must be a member of this group." }],
      });
    }
    return c.json(saved);
  });

  routes.delete("/users/:user/ai/budget/override", async (c) => {
    const me = c.get("user");
    if (!canUpdateUsers(me)) return resourceNotFound(c);
    const target = await namedUser(c);
    if (!target || !(await c.get("deps").store.overrides.remove(target, me.row))) return resourceNotFound(c);
    return c.body(null, 204);
  });

  return routes;
}
