import { useQuery } from "@tanstack/react-query";
import { useState, type FC } from "react";
import { spendSpan, totalFor } from "../../components/SpendTrend/spendDays";
import { previousSpan, type Span } from "../../components/SpendTrend/dailySpend";
import { LazySpendTrend } from "../../components/SpendTrend/LazySpendTrend";
import { PeriodComparison } from "../../components/SpendTrend/PeriodComparison";
import { Button } from "../../components/ui/Button";
import { useClock } from "../../utils/clock";
import type { ReportSource } from "./parseExport";
import { earliestDay } from "./reportPeriod";
import { DEFAULT_AI_RETENTION_DAYS } from "../../../core/domain/spendQuery";

const DAY_MS = 86_400_000;

/**
 * The report's total against the same span of the previous period (one more
 * export request), and its spend by day on request: that is one export
 * request per day, so it waits to be asked for.
 */
export const ReportTrend: FC<{ organization: string; period: Span; source: ReportSource }> = ({
  organization,
  period,
  source,
}) => {
  const [showDays, setShowDays] = useState(false);
  const now = useClock()();
  const total = useQuery({
    queryKey: ["reportTotal", organization, period.start, period.end],
    queryFn: async () => (await source.summarize({})).total.cost_micros,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const before = previousSpan(period, now);
  // The span before can reach past the retention window (a long period, or one at its edge): the
  // export would refuse it, so it is not asked for.
  const earliest = earliestDay(now, DEFAULT_AI_RETENTION_DAYS);
  const kept = earliest === undefined || Date.parse(before.start) >= earliest;
  const previous = useQuery({ ...spendSpan(organization, before, now), enabled: kept });
  const days = Math.round((Date.parse(before.end) - Date.parse(before.start)) / DAY_MS);
  return (
    <section aria-label="Against the previous period" className="mt-6 flex flex-col gap-4">
      {total.data !== undefined && (
        <PeriodComparison
          label="Total this period"
          currentMicros={total.data}
          previousMicros={
            !kept ? null : previous.data ? totalFor(previous.data, {}) : previous.error ? null : undefined
          }
          previousLabel={
            !kept
              ? `The ${days} ${days === 1 ? "day" : "days"} before (past the retention window)`
              : before.end === period.start
                ? `The ${days} ${days === 1 ? "day" : "days"} before`
                : `The first ${days} ${days === 1 ? "day" : "days"} of the previous month`
          }
        />
      )}
      {showDays ? (
        <LazySpendTrend
          title="Spend by day"
          organization={organization}
          period={period}
          scope={{}}
          limitMicros={null}
        />
      ) : (
        <div>
          <Button variant="secondary" onClick={() => setShowDays(true)}>
            Show spend by day
          </Button>
        </div>
      )}
    </section>
  );
};
