// Coder's spend endpoints. The SQL reads; core/domain/budgetRules.ts decides.
import { Hono } from "hono";
import type { GroupMembersAISpendResponse, GroupsAISpendResponse, UserAISpend } from "../../core/types";
import { checkIdListQuery } from "../../core/validation";
import {
  groupSpendRow,
  groupTotalLimit,
  inIdOrder,
  memberSpendRow,
  visibleMemberIds,
} from "../../core/domain/budgetRules";
import {
  AI_SPEND_EXPORT_CONTENT_TYPE,
  exportPeriod,
  spendExportCsv,
  spendExportFilename,
} from "../../core/domain/spendExport";
import { budgetPeriod, type BudgetPeriod } from "../../core/budgetPeriod";
import { approximate, exactJson, type ExactIntegers } from "../exactJson";
import { apiError, resourceNotFound, type AppContext, type AppEnv } from "../httpapi";
import { canReadUserBudgetIn, canUpdateGroup } from "../rbac";
import { governingOf, readableGroup, readableUser, requireAIEntitlement } from "./middleware";

function idQuery(c: AppContext, name: string): { ids: string[] } | { response: globalThis.Response } {
  const checked = checkIdListQuery(new URL(c.req.url).searchParams, name);
  return checked.ok ? { ids: checked.value } : { response: c.json(checked.body, 400) };
}

const window = (period: BudgetPeriod) => ({
  period_start: period.start.toISOString(),
  period_end: period.end.toISOString(),
});

export function aiSpendRoutes() {
  const routes = new Hono<AppEnv>();
  routes.use("/groups/:group/members/ai/*", requireAIEntitlement);
  routes.use("/organizations/:organization/groups/ai/*", requireAIEntitlement);
  routes.use("/users/:user/ai/*", requireAIEntitlement);
  routes.use("/organizations/:organization/ai/*", requireAIEntitlement);

  // Coder's CSV export: organization admins; the current UTC month, or a
  // range of at most 31 days (core/domain/spendExport.ts has the rules).
  routes.get("/organizations/:organization/ai/spend/export", async (c) => {
    const { store } = c.get("deps");
    const organization = await store.organizations.byName(c.req.param("organization"));
    if (!organization) return resourceNotFound(c);
    if (!canUpdateGroup(c.get("user"), { organization_id: organization.id })) return apiError(c, 403, "Forbidden.");
    const period = exportPeriod(new URL(c.req.url).searchParams, new Date());
    if (!period.ok) return c.json(period.body, 400);
    const rows = await store.spend.export(organization.id, period);
    return c.body(spendExportCsv(rows, period), 200, {
      "Content-Type": AI_SPEND_EXPORT_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${spendExportFilename(organization.name, period)}"`,
    });
  });

  routes.get("/groups/:group/members/ai/spend", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    const asked = idQuery(c, "user_ids");
    if ("response" in asked) return asked.response;
    const { store } = c.get("deps");
    const user = c.get("user");
    const group = found.group;
    // A member who does not administer the group sees only their own row.
    const visible = visibleMemberIds(asked.ids, user.row.id, canUpdateGroup(user, group));
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
  });

  routes.get("/organizations/:organization/groups/ai/spend", async (c) => {
    const { store } = c.get("deps");
    const organization = await store.organizations.byName(c.req.param("organization"));
    if (!organization) return resourceNotFound(c);
    const asked = idQuery(c, "group_ids");
    if ("response" in asked) return asked.response;
    const period = budgetPeriod();
    const user = c.get("user");
    const readerId = canUpdateGroup(user, { organization_id: organization.id }) ? undefined : user.row.id;
    const [budgets, charged] = await Promise.all([
      store.budgets.ofGroups(organization.id, asked.ids, readerId),
      store.spend.ofGroups(asked.ids, period),
    ]);
    const readable = inIdOrder(asked.ids.filter((id) => budgets.has(id)));
    // Only a budgeted group has a total, and only its members can count towards it.
    const members = await store.memberships.membersOf(readable.filter((id) => budgets.get(id) !== null));
    const governing = await governingOf(store, [...new Set([...members.values()].flat())]);
    const exact: ExactIntegers = new WeakMap();
    const body: GroupsAISpendResponse = {
      ...window(period),
      groups: readable.map((id) => {
        const ref = { id, organization_id: organization.id };
        const governed = (members.get(id) ?? []).map((userId) => governing.get(userId)!);
        const row = groupSpendRow(ref, budgets.get(id)!, governed, approximate(charged.get(id)));
        const total = groupTotalLimit(ref, budgets.get(id)!, governed);
        exact.set(row, {
          current_spend_micros: charged.get(id) ?? 0n,
          ...(total === null ? {} : { total_spend_limit_micros: total }),
        });
        return row;
      }),
    };
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
