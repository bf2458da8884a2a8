import { useField } from "formik";
import type { FC, ReactNode } from "react";
import type { GroupMemberAISpend } from "../../api/types";
import { budgetImpact, onPaceToBeBlocked } from "../../domain/budgetImpact";
import { currentTime } from "../../utils/clock";
import { formatResetDay } from "../../utils/budgetPeriod";
import { formatMicrosAsUSD, groupWideMaximumMicros } from "../../utils/currency";
import { FormField } from "../../components/FormField";
import { budgetFromInput, budgetInputError } from "./groupSettingsForm";

export const BUDGET_LABEL = "Monthly budget per member (USD)";
export const UNCAPPED_HELPER = "Leave empty for uncapped spend.";
export const DISABLED_NOTE =
  "AI access is disabled for this group's members, unless another group or a per-user override gives them a budget.";

const memberCountText = (count: number) =>
  `${count.toLocaleString("en-US")} ${count === 1 ? "member" : "members"}`;

/** What the helper line says for a budget input that passed validation. */
export function budgetHelperText(input: string, memberCount: number): ReactNode {
  const perMember = budgetFromInput(input);
  if (perMember === null) {
    return UNCAPPED_HELPER;
  }
  const maximum = `${formatMicrosAsUSD(groupWideMaximumMicros(perMember, memberCount))}/month maximum, based on ${memberCountText(memberCount)}.`;
  if (perMember === 0) {
    return (
      <>
        {maximum} <strong>{DISABLED_NOTE}</strong>
      </>
    );
  }
  return maximum;
}

/** This period's spend of the group's members, for the impact preview. */
export interface MembersSpendForPreview {
  groupId: string;
  periodStart: string;
  periodEnd: string;
  members: GroupMemberAISpend[];
}

const members = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "member" : "members"}`;

/** What the typed budget would do at once; nothing for empty, 0 (said above) or invalid input. */
export const ImpactPreview: FC<{ input: string; spend: MembersSpendForPreview }> = ({ input, spend }) => {
  if (budgetInputError(input)) return null;
  const limit = budgetFromInput(input);
  if (limit === null || limit === 0) return null;
  const { governed, blocked, unaffected } = budgetImpact(spend.groupId, limit, spend.members);
  const onPace = onPaceToBeBlocked(spend.groupId, limit, spend.members, { ...spend, now: currentTime() });
  const amount = formatMicrosAsUSD(limit);
  return (
    <div className="impact" role="status" aria-live="polite">
      {governed > 0 && (
        <p>
          {blocked > 0
            ? `${blocked.toLocaleString("en-US")} of ${members(governed)} ${blocked === 1 ? "has" : "have"} already spent ${amount} or more this month and will be blocked until ${formatResetDay(spend.periodEnd)}.`
            : `No member has spent ${amount} yet this month.`}
        </p>
      )}
      {onPace !== null && onPace > 0 && (
        <p>
          {`${onPace.toLocaleString("en-US")} more ${onPace === 1 ? "member is" : "members are"} on pace to reach ${amount} before ${formatResetDay(spend.periodEnd)} and be blocked until then.`}
        </p>
      )}
      {unaffected > 0 && (
        <p>
          {members(unaffected)} {unaffected === 1 ? "is" : "are"} governed by another group or a per-user override
          and {unaffected === 1 ? "is" : "are"} not affected.
        </p>
      )}
    </div>
  );
};

interface AIBudgetSectionProps {
  memberCount: number;
  readOnly: boolean;
  membersSpend?: MembersSpendForPreview;
}

export const AIBudgetSection: FC<AIBudgetSectionProps> = ({ memberCount, readOnly, membersSpend }) => {
  const [{ value }] = useField<string>("monthly_budget_per_member");
  return (
    <section className="form-section" aria-labelledby="ai-budget-heading">
      <h2 id="ai-budget-heading">AI budget</h2>
      <p className="section-description">
        The most each member of this group may spend on AI in a calendar month (UTC). Empty
        means no cap; 0 turns AI off for the group.
      </p>
      <FormField
        name="monthly_budget_per_member"
        label={BUDGET_LABEL}
        prefix="$"
        inputMode="decimal"
        placeholder="No budget"
        readOnly={readOnly}
        validateLive
        helperText={budgetInputError(value) ? undefined : budgetHelperText(value, memberCount)}
      />
      {membersSpend && !readOnly && <ImpactPreview input={value} spend={membersSpend} />}
    </section>
  );
};
