// The organization groups' spend rows (Coder's GetOrganizationGroupsAISpend),
// shared by the groups' spend and the one-group spend routes.
import type { GroupAISpend } from "../../core/types";
import { groupSpendRow, groupTotalLimit, inIdOrder } from "../../core/domain/budgetRules";
import type { BudgetPeriod } from "../../core/budgetPeriod";
import type { Store } from "../db/store";
import { approximate, type ExactIntegers } from "../exactJson";
import { governingOf } from "./middleware";

/** Rows for the listed groups of the organization that the reader may read (no reader: all), in id order. */
export async function groupSpendRows(
  store: Store,
  organizationId: string,
  groupIds: string[],
  readerId: string | undefined,
  period: BudgetPeriod,
  exact: ExactIntegers,
): Promise<GroupAISpend[]> {
  const [budgets, charged] = await Promise.all([
    store.budgets.ofGroups(organizationId, groupIds, readerId),
    store.spend.ofGroups(groupIds, period),
  ]);
  const readable = inIdOrder(groupIds.filter((id) => budgets.has(id)));
  // Only a budgeted group has a total, and only its members can count towards it.
  const members = await store.memberships.membersOf(readable.filter((id) => budgets.get(id) !== null));
  const governing = await governingOf(store, [...new Set([...members.values()].flat())]);
  return readable.map((id) => {
    const ref = { id, organization_id: organizationId };
    const governed = (members.get(id) ?? []).map((userId) => governing.get(userId)!);
    const row = groupSpendRow(ref, budgets.get(id)!, governed, approximate(charged.get(id)));
    const total = groupTotalLimit(ref, budgets.get(id)!, governed);
    exact.set(row, {
      current_spend_micros: charged.get(id) ?? 0n,
      ...(total === null ? {} : { total_spend_limit_micros: total }),
    });
    return row;
  });
}
