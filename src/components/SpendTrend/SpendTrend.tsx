import { useQueries, useQuery } from "@tanstack/react-query";
import type { FC } from "react";
import { isForbidden, isNotFound } from "../../api/errors";
import { spendDay, spendSpan, totalFor, type SpendScope } from "../../api/queries/spendDays";
import { currentTime } from "../../utils/clock";
import { cumulativeSeries, periodDays, previousSpan, projectedTotal, type Span } from "./dailySpend";
import { SpendTrendView, type SpendTrendState } from "./SpendTrendView";

export interface SpendTrendProps {
  title: string;
  organization: string;
  /** The period the chart spans, UTC midnights. */
  period: Span;
  /** Whose spend: the organization's, one group's or one user's. */
  scope: SpendScope;
  /** The limit line; null for none. */
  limitMicros: bigint | null;
}

/**
 * Spend by day, from the export asked one day at a time (at most 4 in flight,
 * past days kept for the session), against the same span of the previous
 * period (one more export request). Lazy-loaded: see LazySpendTrend.
 */
const SpendTrend: FC<SpendTrendProps> = ({ title, organization, period, scope, limitMicros }) => {
  const now = currentTime();
  const days = periodDays(period).filter((day) => Date.parse(`${day}T00:00:00Z`) <= now.getTime());
  const dayQueries = useQueries({ queries: days.map((day) => spendDay(organization, day, now)) });
  const previous = useQuery(spendSpan(organization, previousSpan(period, now), now));
  const failed = dayQueries.find((q) => q.error)?.error;
  let state: SpendTrendState;
  if (failed && (isForbidden(failed) || isNotFound(failed))) state = { status: "forbidden" };
  else if (failed)
    state = {
      status: "error",
      error: failed,
      onRetry: () => {
        for (const q of dayQueries) if (q.error) void q.refetch();
      },
    };
  else if (dayQueries.some((q) => !q.data))
    state = { status: "loading", daysLoaded: dayQueries.filter((q) => q.data).length, daysTotal: days.length };
  else {
    const totals = new Map(days.map((day, i) => [day, totalFor(dayQueries[i]!.data!, scope)]));
    const points = cumulativeSeries(period, totals, now);
    const spent = [...totals.values()].reduce((a, b) => a + b, 0n);
    state = {
      status: "loaded",
      points,
      limitMicros,
      projectedMicros: projectedTotal(period, spent, limitMicros, now)?.projectedMicros ?? null,
      previousMicros: previous.data ? totalFor(previous.data, scope) : previous.error ? null : undefined,
    };
  }
  return <SpendTrendView title={title} state={state} />;
};

export default SpendTrend;
