import { useField } from "formik";
import type { FC, ReactNode } from "react";
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

interface AIBudgetSectionProps {
  memberCount: number;
  readOnly: boolean;
}

export const AIBudgetSection: FC<AIBudgetSectionProps> = ({ memberCount, readOnly }) => {
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
    </section>
  );
};
