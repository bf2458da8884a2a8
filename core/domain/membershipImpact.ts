// What a membership change does to the budget that governs a member, said
// before the admin confirms it, by Coder's rules (budgetRules.ts): an
// override wins; else the highest budget among the member's groups.
import { formatMicrosAsUSD } from "../currency";
import type { GroupMemberAISpend } from "../types";
import { memberBudgetCell, type GroupRef } from "./budgetRules";

/** A budget of one of the member's other groups in this organization (null: the group sets none). */
export interface OtherGroupBudget {
  name: string;
  spend_limit_micros: number | null;
}

/**
 * Before removing a member from `group`: what governs them afterwards. `row`
 * is their members' spend row in this group; `others`, the budgets of their
 * other groups of this organization (the Everyone group included).
 */
export function removalImpact(group: GroupRef & { name: string }, row: GroupMemberAISpend, others: OtherGroupBudget[]) {
  const cell = memberBudgetCell(group, row);
  if (cell.kind === "otherOrganization") {
    return "Their AI budget does not change: a group of another organization governs them.";
  }
  if (cell.kind === "otherGroup") {
    return cell.custom
      ? "Their AI budget does not change: a custom limit charged to another group governs them."
      : "Their AI budget does not change: another group's budget governs them.";
  }
  if (cell.kind === "unallocated") return "Their AI budget does not change: no group sets one.";
  const budgeted = others.filter((o) => o.spend_limit_micros !== null);
  const next = budgeted.reduce<OtherGroupBudget | undefined>(
    (best, o) => (best && best.spend_limit_micros! >= o.spend_limit_micros! ? best : o),
    undefined,
  );
  const instead = next
    ? `${formatMicrosAsUSD(next.spend_limit_micros!)} (${next.name}) will govern them instead, unless a group of another organization sets more.`
    : "No other group of theirs here sets a budget: unless a group of another organization does, their AI spend becomes unlimited.";
  if (cell.limit.limit_source === "user_override") {
    return `Their custom limit of ${formatMicrosAsUSD(cell.limit.spend_limit_micros)}, charged to ${group.name}, is deleted with the membership. ${instead}`;
  }
  return `This group's ${formatMicrosAsUSD(cell.limit.spend_limit_micros)} budget governs them now. ${instead}`;
}

/** The budget that governs a user now, as `GET /users/{user}/ai/spend` says it, with its group's name when known. */
export interface CurrentBudget {
  limit: { spend_limit_micros: number; limit_source: "group" | "user_override" } | null;
  groupId: string | null;
  /** The governing group's name; undefined when it is a group of another organization. */
  groupName: string | undefined;
}

/**
 * Before adding a user to `group` (its per-member budget, null for none), by
 * the rule that the highest budget governs:
 * `alice: $1,000.00 (developers) → $2,000.00 (this group)`, or why nothing changes.
 */
export function additionImpact(
  username: string,
  current: CurrentBudget,
  group: { id: string; spend_limit_micros: number | null },
): string {
  const groupLimit = group.spend_limit_micros;
  if (current.limit?.limit_source === "user_override") return `${username}: no change: a custom limit governs`;
  if (groupLimit === null) return `${username}: no change: this group sets no budget`;
  const from = current.limit
    ? `${formatMicrosAsUSD(current.limit.spend_limit_micros)} (${current.groupName ?? "a group of another organization"})`
    : "Unlimited";
  const to = `${username}: ${from} → ${formatMicrosAsUSD(groupLimit)} (this group)`;
  if (!current.limit || current.limit.spend_limit_micros < groupLimit) return to;
  if (current.limit.spend_limit_micros > groupLimit) return `${username}: no change: ${from} is higher`;
  // Equal budgets: the organization joined first, then the lower group id.
  if (current.groupName === undefined) {
    return `${username}: cannot be known here: ${from} is as high, and the organization they joined first decides`;
  }
  return current.groupId !== null && group.id < current.groupId ? to : `${username}: no change: ${from} is as high`;
}
