// Coder's spend endpoints. The SQL reads; core/domain/budgetRules.ts decides.
import { Hono } from "hono";
import type { GroupMembersAISpendResponse, GroupsAISpendResponse, UserAISpend } from "../../core/types";
import { checkIdListQuery } from "../../core/requestChecks";
import { inIdOrder, memberSpendRow, visibleMemberIds } from "../../core/domain/budgetRules";
import { budgetPeriod, periodWindow as window } from "../../core/budgetPeriod";
import { approximate, exactJson, type ExactIntegers } from "../exactJson";
import { resourceNotFound, type AppContext, type AppEnv } from "../httpapi";
import type { GroupSummary } from "../db/store";
import { canReadGroup, canReadGroupsOf, canReadUserBudgetIn } from "../rbac";
import { groupSpendRows } from "./groupSpendRows";
import { governingOf, readableGroup, readableOrganization, readableUser, requireAIEntitlement } from "./middleware";

function idQuery(c: AppContext, name: string): { ids: string[] } | { response: globalThis.Response } {
  const checked = checkIdListQuery(new URL(c.req.url).searchParams, name);
  return checked.ok ? { ids: checked.value } : { response: c.json(checked.body, 400) };
}

/** The members' rows of a group the signed-in user may read (a member who may not read the organization's groups sees only their own). */
async function membersSpend(c: AppContext, group: Pick<GroupSummary, "id" | "organization_id">) {
  const asked = idQuery(c, "user_ids");
  if ("response" in asked) return asked.response;
  const { store } = c.get("deps");
  const user = c.get("user");
  const visible = visibleMemberIds(asked.ids, user.row.id, canReadGroupsOf(user, group.organization_id));
  const members = await store.memberships.membersAmong(group.id, visible);
  const ids = inIdOrder(visible.filter((id) => members.has(id)));
  const period = budgetPeriod();
  const [governing, charged] = await Promise.all([
    governingOf(store, ids),
    store.spend.chargedTo(group.id, ids, period),
  ]);
  const exact: ExactIntegers = new WeakMap();
  const body: GroupMembersAISpendResponse = {
    ...window(period),
    members: ids.map((id) => {
      const row = memberSpendRow(group, id, governing.get(id)!, approximate(charged.get(id)));
      exact.set(row, { group_spend_micros: charged.get(id) ?? 0n });
      return row;
    }),
  };
  return exactJson(c, body, exact);
}

export function aiSpendRoutes() {
  const routes = new Hono<AppEnv>();
  routes.use("/groups/:group/members/ai/*", requireAIEntitlement);
  routes.use("/organizations/:organization/groups/ai/*", requireAIEntitlement);
  routes.use("/users/:user/ai/*", requireAIEntitlement);
  routes.use("/groups/:group/ai/*", requireAIEntitlement);
  routes.use("/organizations/:organization/groups/:groupName/members/ai/*", requireAIEntitlement);

  routes.get("/groups/:group/members/ai/spend", async (c) => {
    const found = await readableGroup(c);
    return "response" in found ? found.response : membersSpend(c, found.group);
  });

  routes.get("/organizations/:organization/groups/:groupName/members/ai/spend", async (c) => {
    const found = await readableOrganization(c);
    if ("response" in found) return found.response;
    const { store } = c.get("deps");
    const group = await store.groups.byName(found.organization.id, c.req.param("groupName"));
    if (!group || !(await canReadGroup(store, c.get("user"), group))) return resourceNotFound(c);
    return membersSpend(c, group);
  });

  routes.get("/organizations/:organization/groups/ai/spend", async (c) => {
    const { store } = c.get("deps");
    const found = await readableOrganization(c);
    if ("response" in found) return found.response;
    const { organization } = found;
    const asked = idQuery(c, "group_ids");
    if ("response" in asked) return asked.response;
    const period = budgetPeriod();
    const user = c.get("user");
    const readerId = canReadGroupsOf(user, organization.id) ? undefined : user.row.id;
    const exact: ExactIntegers = new WeakMap();
    const groups = await groupSpendRows(store, organization.id, asked.ids, readerId, period, exact);
    const body: GroupsAISpendResponse = { ...window(period), groups };
    return exactJson(c, body, exact);
  });

  routes.get("/users/:user/ai/spend", async (c) => {
    const found = await readableUser(c);
    if ("response" in found) return found.response;
    const { store } = c.get("deps");
    const { target } = found;
    const period = budgetPeriod();
    const governing = (await governingOf(store, [target.id])).get(target.id) ?? null;
    // Charged to another organization's group: not for this organization's admins.
    if (!canReadUserBudgetIn(c.get("user"), target.id, governing?.organization_id ?? null)) return resourceNotFound(c);
    const charged = governing
      ? await store.spend.chargedTo(governing.group_id, [target.id], period)
      : new Map<string, bigint>();
    const spent = charged.get(target.id) ?? 0n;
    const body: UserAISpend = {
      user_id: target.id,
      effective_group_id: governing?.group_id ?? null,
      effective_budget: governing?.limit ?? null,
      current_spend_micros: approximate(spent),
      ...window(period),
    };
    return exactJson(c, body, new WeakMap([[body, { current_spend_micros: spent }]]));
  });

  return routes;
}
