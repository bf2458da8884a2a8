import { Hono } from "hono";
import {
  MAX_SPEND_IDS,
  type GroupAISpend,
  type GroupMembersAISpendResponse,
  type GroupsAISpendResponse,
  type UserAISpend,
} from "../../src/api/types";
import { budgetPeriod } from "../../src/utils/budgetPeriod";
import { effectiveBudget } from "../effectiveBudget";
import { apiError, readJson, resourceNotFound, UUID_PATTERN, type AppContext, type AppEnv } from "../httpapi";
import { canUpdateGroup, isOwner } from "../rbac";
import { requireAIEntitlement } from "./groupAIBudgets";
import { readableGroup } from "./groups";

/** A comma-separated id list of at most 100 UUIDs, or the answer to send. */
function idList(c: AppContext, name: string): { ids: string[] } | { response: globalThis.Response } {
  const ids = [...new Set((c.req.query(name) ?? "").split(",").map((s) => s.trim()).filter(Boolean))];
  if (ids.length > MAX_SPEND_IDS) {
    return { response: apiError(c, 400, `At most ${MAX_SPEND_IDS} ids may be asked for at once.`, { validations: [{ field: name, detail: `Got ${ids.length}.` }] }) };
  }
  const bad = ids.filter((id) => !UUID_PATTERN.test(id));
  if (bad.length > 0) {
    return { response: apiError(c, 400, `Invalid UUIDs in ${name}.`, { validations: [{ field: name, detail: bad.slice(0, 5).join(", ") }] }) };
  }
  return { ids };
}

export function aiSpendRoutes() {
  const routes = new Hono<AppEnv>();
  routes.use("/groups/:group/members/ai/*", requireAIEntitlement);
  routes.use("/organizations/:organization/groups/ai/*", requireAIEntitlement);
  routes.use("/users/:user/ai/*", requireAIEntitlement);

  routes.get("/groups/:group/members/ai/spend", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    const asked = idList(c, "user_ids");
    if ("response" in asked) return asked.response;
    const { store, spend } = c.get("deps");
    const members = await spend.membersAmong(found.group.id, asked.ids);
    const ids = asked.ids.filter((id) => members.has(id));
    const period = budgetPeriod();
    const [inputs, spent, budget] = await Promise.all([
      spend.effectiveInputs(ids),
      spend.userSpend(ids, period),
      store.budget(found.group.id),
    ]);
    const body: GroupMembersAISpendResponse = {
      period_start: period.start.toISOString(),
      period_end: period.end.toISOString(),
      members: ids.map((user_id) => ({
        user_id,
        ...effectiveBudget(inputs.get(user_id)!),
        group_budget: budget ? { spend_limit_micros: budget.budget.spend_limit_micros } : null,
        group_spend_micros: spent.get(user_id) ?? 0,
      })),
    };
    return c.json(body);
  });

  routes.get("/organizations/:organization/groups/ai/spend", async (c) => {
    const { store, spend } = c.get("deps");
    const organization = await store.organizationByName(c.req.param("organization"));
    if (!organization) return resourceNotFound(c);
    const asked = idList(c, "group_ids");
    if ("response" in asked) return asked.response;
    const period = budgetPeriod();
    const user = c.get("user");
    // Every listed group this user may read, with its budget and size, in one query; the spend in another.
    const [found, spent] = await Promise.all([
      spend.groupBudgets(organization.id, asked.ids, canUpdateGroup(user, { organization_id: organization.id }) ? undefined : user.row.id),
      spend.groupSpend(asked.ids, period),
    ]);
    const groups: GroupAISpend[] = asked.ids.flatMap((id) => {
      const group = found.get(id);
      if (!group) return [];
      const limit = group.spend_limit_micros;
      return [
        {
          group_id: id,
          spend_limit_micros: limit,
          total_spend_limit_micros: limit === null ? null : limit * group.members,
          current_spend_micros: spent.get(id) ?? 0,
        },
      ];
    });
    const body: GroupsAISpendResponse = { period_start: period.start.toISOString(), period_end: period.end.toISOString(), groups };
    return c.json(body);
  });

  // The embedded backend's stand-in for AI Gateway recording usage (`npm run
  // usage`); Coder has no such endpoint. Owners only.
  routes.post("/__embedded/ai/usage", async (c) => {
    const { spend } = c.get("deps");
    if (!isOwner(c.get("user"))) return resourceNotFound(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const { user, spend_micros } = (body.value ?? {}) as { user?: unknown; spend_micros?: unknown };
    const userId = typeof user === "string" ? await spend.userIdByName(user) : undefined;
    if (!userId) return apiError(c, 400, "Unknown user.", { validations: [{ field: "user", detail: "No such user." }] });
    if (typeof spend_micros !== "number" || !Number.isSafeInteger(spend_micros) || spend_micros <= 0) {
      return apiError(c, 400, "Invalid spend.", { validations: [{ field: "spend_micros", detail: "Must be a positive whole number of micros." }] });
    }
    const governing = effectiveBudget((await spend.effectiveInputs([userId])).get(userId)!);
    if (!governing.effective_group_id) return apiError(c, 400, "The user is in no organization.");
    await spend.recordSpend(userId, governing.effective_group_id, new Date(), spend_micros);
    const total = (await spend.userSpend([userId], budgetPeriod())).get(userId) ?? 0;
    return c.json({ user_id: userId, charged_group_id: governing.effective_group_id, current_spend_micros: total });
  });

  routes.get("/users/:user/ai/spend", async (c) => {
    const { spend } = c.get("deps");
    const me = c.get("user");
    const name = c.req.param("user");
    const userId = name === "me" ? me.row.id : await spend.userIdByName(name);
    const mayRead = userId === me.row.id || isOwner(me) || me.memberships.some((m) => canUpdateGroup(me, m));
    if (!userId || !mayRead) return resourceNotFound(c);
    const period = budgetPeriod();
    const [inputs, spent] = await Promise.all([spend.effectiveInputs([userId]), spend.userSpend([userId], period)]);
    const body: UserAISpend = {
      user_id: userId,
      ...effectiveBudget(inputs.get(userId)!),
      current_spend_micros: spent.get(userId) ?? 0,
      period_start: period.start.toISOString(),
      period_end: period.end.toISOString(),
    };
    return c.json(body);
  });

  return routes;
}
