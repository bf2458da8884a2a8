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
 * A member is unaffected when an override governs them, a group in another
 * organization does, or another group's budget governs them and stays at
 * least as high as the new one (the highest budget wins). Everyone else would
 * be governed by the new budget, and is blocked once the spend charged to this
 * group reaches it (Coder's rule: spend charged to the effective group).
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
      // Governed in another organization, at a limit not visible here.
      member.effective_group_id === null ||
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
