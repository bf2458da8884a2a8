import { useField } from "formik";
import type { FC, ReactNode } from "react";
import type { GroupMemberAISpend } from "../../../../core/types";
import { budgetChange, onPaceToBeBlocked, type MemberTurn } from "../../../../core/domain/budgetImpact";
import { useClock } from "../../../utils/clock";
import { formatResetDay } from "../../../../core/budgetPeriod";
import { formatMicrosAsUSD, groupWideMaximumMicros } from "../../../../core/currency";
import { FormField } from "../../../components/FormField";
import { budgetFromInput, budgetInputError } from "./groupSettingsForm";
import { Section, SectionDescription } from "../../../components/ui/Section";

export const BUDGET_LABEL = "Monthly budget per member (USD)";
export const UNCAPPED_HELPER = "Leave empty for uncapped spend.";
export const DISABLED_NOTE =
  "AI access is disabled for this group's members, unless another group or a per-user override gives them a budget.";

const memberCountText = (count: number) => `${count.toLocaleString("en-US")} ${count === 1 ? "member" : "members"}`;

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
  /** Each member's username by id, to name whom a change blocks. */
  names?: Record<string, string>;
}

const members = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "member" : "members"}`;
const LISTED_AT_MOST = 10;

/** Names and spend of the members a change turns, before → after; the first few of a long list. */
const TurnedMembers: FC<{ turns: MemberTurn[]; names?: Record<string, string>; after: string; label: string }> = ({
  turns,
  names,
  after,
  label,
}) => (
  <>
    <ul aria-label={label} className="m-0 mt-1 mb-2 list-none p-0">
      {turns.slice(0, LISTED_AT_MOST).map((turn) => (
        <li key={turn.user_id} className="flex flex-wrap gap-x-2">
          <strong>{names?.[turn.user_id] ?? turn.user_id}</strong>
          <span>
            {formatMicrosAsUSD(turn.spentMicros)} spent · limit{" "}
            {turn.beforeMicros === null ? "none" : formatMicrosAsUSD(turn.beforeMicros)} → {after}
          </span>
        </li>
      ))}
    </ul>
    {turns.length > LISTED_AT_MOST && <p>and {members(turns.length - LISTED_AT_MOST)} more.</p>}
  </>
);

const names = (turns: MemberTurn[], all?: Record<string, string>) =>
  turns.map((turn) => all?.[turn.user_id] ?? turn.user_id);

/** What the typed budget would do at once, counting only changes; nothing for 0 (said above), invalid or unchanged input. */
export const ImpactPreview: FC<{ input: string; savedMicros: number | null; spend: MembersSpendForPreview }> = ({
  input,
  savedMicros,
  spend,
}) => {
  const clock = useClock();
  if (budgetInputError(input)) return null;
  const limit = budgetFromInput(input);
  if (limit === 0 || limit === savedMicros) return null;
  const change = budgetChange(spend.groupId, limit, spend.members);
  const reset = formatResetDay(spend.periodEnd);
  const unblocked = names(change.unblocked, spend.names);
  let body: ReactNode;
  if (limit === null) {
    body = (
      <>
        <p>
          Without a budget this group limits no one: each member falls back to another group's budget or a per-user
          override, and spends without limit where there is none.
        </p>
        {unblocked.length > 0 && (
          <p>{`${unblocked.join(", ")} ${unblocked.length === 1 ? "is" : "are"} blocked by this budget now and can use AI again, unless another budget limits them.`}</p>
        )}
      </>
    );
  } else {
    const amount = formatMicrosAsUSD(limit);
    const blocked = change.newlyBlocked.length;
    const onPace = onPaceToBeBlocked(spend.groupId, limit, spend.members, { ...spend, now: clock() });
    body = (
      <>
        {change.governed > 0 && blocked > 0 && (
          <>
            <p>
              {`${blocked.toLocaleString("en-US")} of ${members(change.governed)} ${blocked === 1 ? "has" : "have"} already spent ${amount} or more this month and will be blocked until ${reset}.`}
            </p>
            <TurnedMembers turns={change.newlyBlocked} names={spend.names} after={amount} label="Members this blocks" />
          </>
        )}
        {change.governed > 0 && blocked === 0 && change.stillBlocked === 0 && (
          <p>{`No member has spent ${amount} yet this month.`}</p>
        )}
        {blocked === 0 && change.stillBlocked > 0 && (
          <p>{`This blocks no one new; ${members(change.stillBlocked)} already blocked ${change.stillBlocked === 1 ? "stays" : "stay"} blocked.`}</p>
        )}
        {unblocked.length > 0 && (
          <p>{`${unblocked.join(", ")} ${unblocked.length === 1 ? "is" : "are"} blocked now and can use AI again: under ${amount} this month.`}</p>
        )}
        {onPace !== null && onPace > 0 && (
          <p>
            {`${onPace.toLocaleString("en-US")} more ${onPace === 1 ? "member is" : "members are"} on pace to reach ${amount} before ${reset} and be blocked until then.`}
          </p>
        )}
      </>
    );
  }
  return (
    <div
      className="mt-3 rounded-lg border border-border-default border-l-4 bg-surface-info p-3 [&_p]:m-0 [&_p+p]:mt-1"
      role="status"
      aria-live="polite"
    >
      <p className="font-semibold">What saving this does</p>
      {body}
      {change.unaffected > 0 && (
        <p>
          {members(change.unaffected)} {change.unaffected === 1 ? "is" : "are"} governed by another group or a per-user
          override and {change.unaffected === 1 ? "is" : "are"} not affected.
        </p>
      )}
    </div>
  );
};

interface AIBudgetSectionProps {
  memberCount: number;
  /** The saved budget the preview compares against; null: none. */
  savedMicros: number | null;
  readOnly: boolean;
  membersSpend?: MembersSpendForPreview;
}

export const AIBudgetSection: FC<AIBudgetSectionProps> = ({ memberCount, savedMicros, readOnly, membersSpend }) => {
  const [{ value }] = useField<string>("monthly_budget_per_member");
  return (
    <Section aria-labelledby="ai-budget-heading">
      <h2 id="ai-budget-heading">AI budget</h2>
      <SectionDescription>
        The most each member of this group may spend on AI in a calendar month (UTC). Empty means no cap; 0 turns AI off
        for the group.
      </SectionDescription>
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
      {membersSpend && !readOnly && <ImpactPreview input={value} savedMicros={savedMicros} spend={membersSpend} />}
    </Section>
  );
};
