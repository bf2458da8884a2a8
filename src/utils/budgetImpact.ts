// What a new per-member budget would do at once, from this period's spend.
import type { GroupMemberAISpend } from "../api/types";

export interface BudgetImpact {
  /** Members this group's budget would govern. */
  governed: number;
  /** Of those, members whose spend this period already reaches the budget. */
  blocked: number;
  /** Members governed by an override, or by another group whose budget stays higher. */
  unaffected: number;
}

/**
 * A member is unaffected when an override governs them, or another group's
 * budget governs them and stays at least as high as the new one (the highest
 * budget wins). Everyone else would be governed by the new budget, and is
 * blocked once their spend reaches it.
 */
export function budgetImpact(
  groupId: string,
  newLimitMicros: number,
  members: GroupMemberAISpend[],
): BudgetImpact {
  let governed = 0;
  let blocked = 0;
  let unaffected = 0;
  for (const member of members) {
    const budget = member.effective_budget;
    const elsewhere =
      budget?.limit_source === "user_override" ||
      (member.effective_group_id !== groupId && budget !== null && budget.spend_limit_micros >= newLimitMicros);
    if (elsewhere) {
      unaffected += 1;
      continue;
    }
    governed += 1;
    if (member.group_spend_micros >= newLimitMicros) blocked += 1;
  }
  return { governed, blocked, unaffected };
}

/** Which budget governs a member, in the words of the members table. */
export function governingBudgetText(
  groupId: string,
  organizationId: string,
  member: GroupMemberAISpend,
  format: (micros: number) => string,
): string {
  const budget = member.effective_budget;
  if (budget?.limit_source === "user_override") return `Custom limit ${format(budget.spend_limit_micros)}`;
  if (member.effective_group_id === groupId && budget) return `Group limit ${format(budget.spend_limit_micros)}`;
  if (member.effective_group_id === organizationId) {
    return budget ? `Everyone (limit ${format(budget.spend_limit_micros)})` : "Everyone (not allocated)";
  }
  return "Budget managed by another group";
}
