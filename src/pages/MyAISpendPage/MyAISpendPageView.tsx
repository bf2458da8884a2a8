import type { FC } from "react";
import type { UserAISpend } from "../../../core/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FORECAST_EXPLANATION, FORECAST_HIDDEN_DAYS, spendForecast } from "../../../core/domain/forecast";
import { SpendMeter } from "../../components/ui/SpendMeter";
import { Callout } from "../../components/ui/Callout";
import { Skeleton, SkeletonStack } from "../../components/ui/Skeleton";
import { formatLimitDay } from "../../components/ForecastNote";
import { formatPeriod } from "../../../core/budgetPeriod";
import { formatMicrosAsUSD } from "../../../core/currency";
import { noteClassName, subtextClassName } from "../../components/ui/Page";

// The reset in the user's own time, with the zone said, since the period is UTC.
const localDateTime = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
});

export interface MyAISpendPageViewProps {
  spend: UserAISpend | undefined;
  /** The governing group's name; undefined while unknown or not readable. */
  governingGroupName: string | undefined;
  /** Whether the governing group is the Everyone group (no budget of its own unless set). */
  governedByEveryone: boolean;
  error: unknown;
  onRetry: () => void;
  now: Date;
}

/** Where the limit comes from: a group's budget, the user's own (Custom limit), or none. */
function limitSource(spend: UserAISpend, groupName: string | undefined, everyone: boolean): string {
  const name = everyone ? "Everyone" : (groupName ?? "a group you belong to");
  if (!spend.effective_budget) return `No budget: ${everyone ? "the Everyone group" : name} sets no limit.`;
  if (spend.effective_budget.limit_source === "user_override") return `Custom limit, charged to ${name}.`;
  return `The budget of ${name}, the highest of your groups.`;
}

/** The signed-in user's own spend this period, the budget that governs it, when it resets, and where it is heading. */
export const MyAISpendPageView: FC<MyAISpendPageViewProps> = ({
  spend,
  governingGroupName,
  governedByEveryone,
  error,
  onRetry,
  now,
}) => {
  if (error) return <ErrorAlert title="Could not load your AI spend." error={error} onRetry={onRetry} />;
  if (!spend) {
    return (
      <SkeletonStack role="status" className="max-w-[28rem]">
        <span className="sr-only">Loading your AI spend</span>
        <Skeleton width="12rem" height="1.25rem" />
        <Skeleton height="0.375rem" />
        <Skeleton width="16rem" />
        <Skeleton width="20rem" />
        <Skeleton width="18rem" />
      </SkeletonStack>
    );
  }
  const limit = spend.effective_budget?.spend_limit_micros ?? null;
  const forecast = spendForecast({
    spentMicros: spend.current_spend_micros,
    limitMicros: limit,
    periodStart: spend.period_start,
    periodEnd: spend.period_end,
    now,
  });
  const resets = localDateTime.format(new Date(spend.period_end));
  return (
    <>
      {/* The headline, once: the account menu keeps Coder's "… USD" line. */}
      <SpendMeter spentMicros={spend.current_spend_micros} limitMicros={limit} label="My AI spend this month" />
      <dl className="mx-0 my-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 [&_dd]:m-0 [&_dd]:flex [&_dd]:flex-col [&_dt]:font-semibold">
        <dt>Monthly limit</dt>
        <dd>{limit === null ? "Unlimited" : formatMicrosAsUSD(limit)}</dd>
        <dt>Set by</dt>
        <dd>{limitSource(spend, governingGroupName, governedByEveryone)}</dd>
        <dt>Resets</dt>
        <dd>
          {resets}
          <span className={subtextClassName}>
            Budget period {formatPeriod(spend.period_start, spend.period_end)} (UTC)
          </span>
        </dd>
        <dt>Pace</dt>
        <dd>
          {forecast === null ? (
            `A forecast shows from day ${FORECAST_HIDDEN_DAYS + 1} of the period.`
          ) : forecast.limitReached ? (
            `You have reached your limit: AI requests are refused until ${resets}.`
          ) : (
            <>
              On pace for {formatMicrosAsUSD(forecast.projectedMicros)} this month.
              {forecast.reachesLimitAt && (
                <strong> Reaches the limit around {formatLimitDay(forecast.reachesLimitAt)}.</strong>
              )}
              <span className={subtextClassName}>{FORECAST_EXPLANATION}</span>
            </>
          )}
        </dd>
      </dl>
      {spend.current_spend_micros === 0 && (
        <Callout severity="info" title="No AI spend yet this month.">
          <p>What your AI requests cost shows here a few minutes after you make them.</p>
        </Callout>
      )}
      <p className={noteClassName}>Spend is approximate and may lag by a few minutes.</p>
    </>
  );
};
