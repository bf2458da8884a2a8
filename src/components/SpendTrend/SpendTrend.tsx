import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FC } from "react";
import { isForbidden, isNotFound } from "../../api/errors";
import { MAX_DAYS_IN_FLIGHT, spendDay, spendSpan, totalFor, type SpendScope, type SpendTotals } from "./spendDays";
import { useClock } from "../../utils/clock";
import { cumulativeSeries, dayOf, periodDays, previousSpan, projectedTotal, type Span } from "./dailySpend";
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
  const now = useClock()();
  const queryClient = useQueryClient();
  const [daysLoaded, setDaysLoaded] = useState(0);
  const days = periodDays(period).filter((day) => Date.parse(`${day}T00:00:00Z`) <= now.getTime());
  // Each day is its own cache entry (a past one kept for the session). Four
  // workers take the days in turn and stop at the first failure, so a viewer
  // the export refuses costs a few requests, not a month of them; spendDays'
  // limiter keeps the whole page to 4 in flight.
  const daily = useQuery({
    queryKey: ["spendTrend", organization, period.start, period.end, dayOf(now.getTime())],
    queryFn: async () => {
      const answers: SpendTotals[] = [];
      let next = 0;
      let failed = false;
      const worker = async () => {
        while (!failed && next < days.length) {
          const i = next++;
          try {
            answers[i] = await queryClient.fetchQuery(spendDay(organization, days[i]!, now));
          } catch (error) {
            failed = true;
            throw error;
          }
          setDaysLoaded(answers.filter(Boolean).length);
        }
      };
      await Promise.all(Array.from({ length: MAX_DAYS_IN_FLIGHT }, worker));
      return answers;
    },
    retry: false,
  });
  const previous = useQuery(spendSpan(organization, previousSpan(period, now), now));
  let state: SpendTrendState;
  if (daily.error && (isForbidden(daily.error) || isNotFound(daily.error))) state = { status: "forbidden" };
  else if (daily.error) state = { status: "error", error: daily.error, onRetry: () => void daily.refetch() };
  else if (!daily.data) state = { status: "loading", daysLoaded, daysTotal: days.length };
  else {
    const totals = new Map(days.map((day, i) => [day, totalFor(daily.data[i]!, scope)]));
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
