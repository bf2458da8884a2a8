// What a new per-member budget would do at once, from this period's spend.
import type { GroupMemberAISpend } from "../api/types";
import { spendForecast } from "./forecast";

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
 * be governed by the new budget.
 */
function governedByNewBudget(groupId: string, newLimitMicros: number, member: GroupMemberAISpend): boolean {
  const budget = member.effective_budget;
  const elsewhere =
    budget?.limit_source === "user_override" ||
    // Governed in another organization, at a limit not visible here.
    member.effective_group_id === null ||
    (member.effective_group_id !== groupId && budget !== null && budget.spend_limit_micros >= newLimitMicros);
  return !elsewhere;
}

/**
 * Who the new budget would govern, and of them who is blocked at once: the
 * spend charged to this group already reaches it (Coder's rule: spend
 * charged to the effective group).
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
    if (!governedByNewBudget(groupId, newLimitMicros, member)) {
      unaffected += 1;
      continue;
    }
    governed += 1;
    if (member.group_spend_micros >= newLimitMicros) blocked += 1;
  }
  return { governed, blocked, unaffected };
}

/**
 * Of the members the new budget would govern and not block at once, how many
 * are on pace to reach it before the reset (the forecast's straight line);
 * null while the forecast is hidden (the period's first days).
 */
export function onPaceToBeBlocked(
  groupId: string,
  newLimitMicros: number,
  members: GroupMemberAISpend[],
  period: { periodStart: string; periodEnd: string; now: Date },
): number | null {
  let count = 0;
  for (const member of members) {
    if (!governedByNewBudget(groupId, newLimitMicros, member)) continue;
    const forecast = spendForecast({ spentMicros: member.group_spend_micros, limitMicros: newLimitMicros, ...period });
    if (!forecast) return null;
    if (forecast.reachesLimitAt) count += 1;
  }
  return count;
}
