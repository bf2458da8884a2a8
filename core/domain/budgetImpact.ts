// What a new per-member budget would do at once, from this period's spend.
import type { GroupMemberAISpend } from "../types";
import { spendForecast } from "./forecast";

export interface BudgetImpact {
  /** Members this group's budget would govern. */
  governed: number;
  /** Of those, members whose spend this period already reaches the budget. */
  blocked: number;
  /** Members governed by an override, or by another group whose budget stays higher. */
  unaffected: number;
}

/** A member whose access the change turns: their spend charged here, and the limit that governs them now. */
export interface MemberTurn {
  user_id: string;
  spentMicros: number;
  /** The limit governing the member now; null: none visible here. */
  beforeMicros: number | null;
}

/** What changing this group's budget does at once, counting only what changes. */
export interface BudgetChange {
  /** Members the budget would govern (with no budget: the members it governs now). */
  governed: number;
  /** Not blocked now, blocked once the budget is saved. */
  newlyBlocked: MemberTurn[];
  /** Blocked now by this group's budget, and still blocked after. */
  stillBlocked: number;
  /** Blocked now by this group's budget, free once it is saved (with no budget: unless another budget limits them). */
  unblocked: MemberTurn[];
  /** Governed by an override, or by another group whose budget stays higher. */
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

/** This group's budget governs the member now and their spend charged here reaches it (Coder's rule). */
const governedHereNow = (groupId: string, member: GroupMemberAISpend) =>
  member.effective_group_id === groupId && member.effective_budget?.limit_source !== "user_override";

const blockedHereNow = (groupId: string, member: GroupMemberAISpend) =>
  governedHereNow(groupId, member) &&
  member.effective_budget !== null &&
  member.group_spend_micros >= member.effective_budget.spend_limit_micros;

const turnOf = (member: GroupMemberAISpend): MemberTurn => ({
  user_id: member.user_id,
  spentMicros: member.group_spend_micros,
  beforeMicros: member.effective_budget?.spend_limit_micros ?? null,
});

/**
 * Who saving `newLimitMicros` (null: no budget) would block, free or leave
 * blocked, against how each member is governed now. A member already
 * blocked by this group's budget is not counted as blocked by the change.
 */
export function budgetChange(
  groupId: string,
  newLimitMicros: number | null,
  members: GroupMemberAISpend[],
): BudgetChange {
  const change: BudgetChange = { governed: 0, newlyBlocked: [], stillBlocked: 0, unblocked: [], unaffected: 0 };
  for (const member of members) {
    const before = blockedHereNow(groupId, member);
    if (newLimitMicros === null) {
      // Without a budget this group limits no one; its members fall back to their other budgets.
      if (!governedHereNow(groupId, member)) change.unaffected += 1;
      else {
        change.governed += 1;
        if (before) change.unblocked.push(turnOf(member));
      }
      continue;
    }
    if (!governedByNewBudget(groupId, newLimitMicros, member)) {
      change.unaffected += 1;
      continue;
    }
    change.governed += 1;
    const after = member.group_spend_micros >= newLimitMicros;
    if (after && !before) change.newlyBlocked.push(turnOf(member));
    else if (after) change.stillBlocked += 1;
    else if (before) change.unblocked.push(turnOf(member));
  }
  return change;
}

/**
 * Who the new budget would govern, and of them who is blocked at once: the
 * spend charged to this group already reaches it (Coder's rule: spend
 * charged to the effective group).
 */
export function budgetImpact(groupId: string, newLimitMicros: number, members: GroupMemberAISpend[]): BudgetImpact {
  const change = budgetChange(groupId, newLimitMicros, members);
  return {
    governed: change.governed,
    blocked: change.newlyBlocked.length + change.stillBlocked,
    unaffected: change.unaffected,
  };
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
