// What a group's new budget does to its members' rows, worked out in the
// browser from the rows already read, wherever Coder's rules
// (./budgetRules.ts) make it certain. Where they do not (the governing budget
// went down or away, a tie, a group in another organization), the answer is
// "ask the server".
import type { GroupMemberAISpend } from "../types";
import { sumMicros } from "../currency";

export interface BudgetChange {
  groupId: string;
  /** The group's organization: its Everyone group has the organization's id. */
  organizationId: string;
  /** The group's budget before and after the save; null: none. */
  before: number | null;
  after: number | null;
}

/** The row of a member this group now governs at `limit`. */
const governedHere = (row: GroupMemberAISpend, groupId: string, limit: number): GroupMemberAISpend => {
  const budget = { spend_limit_micros: limit, limit_source: "group" as const };
  return { ...row, effective_group_id: groupId, effective_budget: budget, group_budget: budget };
};

/**
 * `row` (a member of the changed group, as last read for that group) after
 * `change`, or undefined when only the server can tell.
 */
export function memberAfterBudgetChange(row: GroupMemberAISpend, change: BudgetChange): GroupMemberAISpend | undefined {
  const { groupId, organizationId, before, after } = change;
  if (before === after) return row;
  const governing = row.effective_group_id;
  // Another organization's group governs: its limit is not visible here.
  if (governing === null) return undefined;
  const current = row.effective_budget;
  // An override beats every group budget.
  if (current?.limit_source === "user_override") return row;
  if (governing === groupId) {
    // Unlimited here means this is the Everyone fallback: any budget of its own now governs.
    if (current === null) return after === null ? row : governedHere(row, groupId, after);
    // Still the highest if it did not go down; else another group may win now.
    return after !== null && after >= current.spend_limit_micros ? governedHere(row, groupId, after) : undefined;
  }
  if (after === null) return row;
  // This organization's Everyone group with no limit governs only members with no budget anywhere.
  if (current === null) return governing === organizationId ? governedHere(row, groupId, after) : undefined;
  if (after > current.spend_limit_micros) return governedHere(row, groupId, after);
  if (after < current.spend_limit_micros) return row;
  // A tie is broken by when the member joined each organization: the server knows.
  return undefined;
}

/**
 * The group's total limit from its members' rows: each member it governs adds
 * their limit. Only for a full list of the group's members; BigInt, as sums of
 * up to $1,000,000 per member pass 2^53 micros.
 */
export function totalLimitFromRows(
  rows: Iterable<GroupMemberAISpend>,
  groupId: string,
  groupBudget: number | null,
): bigint | null {
  if (groupBudget === null) return null;
  const limits: number[] = [];
  for (const row of rows)
    if (row.effective_group_id === groupId && row.group_budget) limits.push(row.group_budget.spend_limit_micros);
  return sumMicros(limits);
}
