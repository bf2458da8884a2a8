// What a save must ask first: 0 turns AI off for the group; a budget that
// newly blocks members blocks them from the moment it is saved.
import { budgetChange } from "../../../../core/domain/budgetImpact";
import { formatResetDay } from "../../../../core/budgetPeriod";
import { formatMicrosAsUSD } from "../../../../core/currency";
import { budgetFromInput, budgetInputError } from "./groupSettingsForm";
import type { MembersSpendForPreview } from "./AIBudgetSection";

/** A question a save must ask first: it names the consequence. */
export interface SaveQuestion {
  title: string;
  consequence: string;
  confirmLabel: string;
}

const countOf = (count: number) => `${count.toLocaleString("en-US")} ${count === 1 ? "member" : "members"}`;

/** Names listed by a question before "and N more". */
export const NAMED_AT_MOST = 3;

/** "alice", "alice and bob", "alice, bob and carol", "alice, bob, carol and 2 more". */
export function nameList(names: string[], atMost = NAMED_AT_MOST): string {
  if (names.length <= atMost) {
    return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  }
  return `${names.slice(0, atMost).join(", ")} and ${(names.length - atMost).toLocaleString("en-US")} more`;
}

/**
 * What saving `input` must ask first, against the saved budget. 0 turns AI off
 * for everyone this group governs (that question stands for any member it
 * also blocks). A budget that newly blocks members asks only when this
 * period's spend is known (`spend` loaded); without it the save goes as it is.
 */
export function budgetSaveQuestion(
  input: string,
  savedMicros: number | null,
  memberCount: number,
  spend?: MembersSpendForPreview,
): SaveQuestion | undefined {
  if (budgetInputError(input)) return undefined;
  const limit = budgetFromInput(input);
  if (limit === savedMicros) return undefined;
  if (limit === 0) {
    return {
      title: "Turn AI off for this group?",
      consequence: `A budget of $0.00 blocks AI for the ${countOf(memberCount)} of this group from the moment it is saved, unless another group or a per-user override gives them a budget.`,
      confirmLabel: "Turn AI off",
    };
  }
  if (limit === null || !spend) return undefined;
  const blocked = budgetChange(spend.groupId, limit, spend.members).newlyBlocked;
  if (blocked.length === 0) return undefined;
  const who = nameList(blocked.map((turn) => spend.names?.[turn.user_id] ?? turn.user_id));
  const amount = formatMicrosAsUSD(limit);
  const reset = formatResetDay(spend.periodEnd);
  const verb = blocked.length === 1 ? "has" : "have";
  return {
    title: `Block ${countOf(blocked.length)} now?`,
    consequence: `${who} ${verb} already spent ${amount} or more this month. Saving blocks their AI use from the moment it is saved until ${reset}, unless another group or a per-user override gives them a budget.`,
    confirmLabel: `Save and block ${countOf(blocked.length)}`,
  };
}
