// Coder's later spend endpoints: one group's spend (the group header reads
// it), and a user's budget and spend in each of their organizations (v2.40's
// request organizations: a request is assigned one organization, whose groups
// decide the budget).
import { Hono } from "hono";
import type { GroupAISpendResponse, UserOrganizationsAISpend } from "../../core/types";
import { resolveGoverning, resolveGoverningIn } from "../../core/domain/budgetRules";
import { budgetPeriod, periodWindow } from "../../core/budgetPeriod";
import { approximate, exactJson, type ExactIntegers } from "../exactJson";
import { resourceNotFound, type AppEnv } from "../httpapi";
import { canReadOrganization } from "../rbac";
import { groupSpendRows } from "./groupSpendRows";
import { readableGroup, readableUser, requireAIEntitlement } from "./middleware";

export function aiSpendGroupRoutes() {
  const routes = new Hono<AppEnv>();
  routes.use("/groups/:group/ai/spend", requireAIEntitlement);
  routes.use("/users/:user/ai/spend/organizations", requireAIEntitlement);

  routes.get("/groups/:group/ai/spend", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    const { group } = found;
    const { store } = c.get("deps");
    const period = budgetPeriod();
    const exact: ExactIntegers = new WeakMap();
    // Whoever may read the group reads its row: Coder checks read on the group when it resolves the path.
    const [row] = await groupSpendRows(store, group.organization_id, [group.id], undefined, period, exact);
    if (!row) return resourceNotFound(c);
    const body: GroupAISpendResponse = { ...periodWindow(period), ...row };
    exact.set(body, exact.get(row) ?? {});
    return exactJson(c, body, exact);
  });

  routes.get("/users/:user/ai/spend/organizations", async (c) => {
    const found = await readableUser(c);
    if ("response" in found) return found.response;
    const { target } = found;
    const { store } = c.get("deps");
    const viewer = c.get("user");
    const period = budgetPeriod();
    const [organizations, inputs] = await Promise.all([
      store.organizations.ofUser(target.id),
      store.resolutionInputs([target.id]),
    ]);
    const input = inputs.get(target.id)!;
    const readable = organizations.filter((o) => canReadOrganization(viewer, o.id));
    const exact: ExactIntegers = new WeakMap();
    const items = [];
    for (const organization of readable) {
      const governing = resolveGoverningIn(input, organization.id)!;
      const spent = (await store.spend.chargedTo(governing.group_id, [target.id], period)).get(target.id) ?? 0n;
      const item = {
        organization_id: organization.id,
        organization_name: organization.name,
        organization_display_name: organization.display_name,
        effective_group_id: governing.group_id,
        effective_budget: governing.limit,
        current_spend_micros: approximate(spent),
      };
      exact.set(item, { current_spend_micros: spent });
      items.push(item);
    }
    const body: UserOrganizationsAISpend = {
      organization_id: resolveGoverning(input)?.organization_id ?? null,
      organizations: items,
      ...periodWindow(period),
    };
    return exactJson(c, body, exact);
  });

  return routes;
}
