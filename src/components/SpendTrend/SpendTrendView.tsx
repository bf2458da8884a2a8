import type { FC } from "react";
import { formatMicrosAsUSD } from "../../../core/currency";
import { ErrorAlert } from "../ErrorAlert";
import { Callout } from "../ui/Callout";
import { Skeleton } from "../ui/Skeleton";
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeader, TableRow } from "../ui/Table";
import type { DayPoint } from "./dailySpend";
import { PeriodComparison } from "./PeriodComparison";
import { SpendTrendChart } from "./SpendTrendChart";

export type SpendTrendState =
  | { status: "loading"; daysLoaded: number; daysTotal: number }
  | { status: "forbidden" }
  | { status: "error"; error: unknown; onRetry: () => void }
  | {
      status: "loaded";
      points: readonly DayPoint[];
      limitMicros: bigint | null;
      projectedMicros: bigint | null;
      /** The same span of the previous period; undefined while it loads, null if it failed. */
      previousMicros: bigint | undefined | null;
    };

const longDay = new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", timeZone: "UTC" });
const dayName = (day: string) => longDay.format(new Date(`${day}T00:00:00Z`));

function summaryOf(points: readonly DayPoint[], limitMicros: bigint | null, projectedMicros: bigint | null) {
  const shown = points.filter((p) => p.cumulativeMicros !== undefined);
  const last = shown.at(-1);
  if (!last) return "No days of this period have begun.";
  const parts = [`${formatMicrosAsUSD(last.cumulativeMicros!)} spent through ${dayName(last.day)}`];
  if (limitMicros !== null) parts.push(`against a limit of ${formatMicrosAsUSD(limitMicros)}`);
  if (projectedMicros !== null) parts.push(`on pace for ${formatMicrosAsUSD(projectedMicros)} by the period's end`);
  return `${parts.join(", ")}.`;
}

/** Spend by day through a period: a chart of the running total with the limit and the pace, and the same as a table. */
export const SpendTrendView: FC<{ title: string; state: SpendTrendState }> = ({ title, state }) => {
  const headingId = `trend-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3">
      <h2 id={headingId} className="text-base font-semibold">
        {title}
      </h2>
      {state.status === "loading" ? (
        <div role="status" aria-label={`Loading spend by day: ${state.daysLoaded} of ${state.daysTotal} days`}>
          <Skeleton width="100%" height="10rem" />
          <p className="text-sm text-content-secondary">
            Loading spend by day: {state.daysLoaded} of {state.daysTotal} days
          </p>
        </div>
      ) : state.status === "forbidden" ? (
        <Callout severity="info" title="Spend by day needs the organization's spend export.">
          Only the organization's admins may read it.
        </Callout>
      ) : state.status === "error" ? (
        <ErrorAlert title="Could not load spend by day." error={state.error} onRetry={state.onRetry} />
      ) : (
        <>
          <PeriodComparison
            label="This period so far"
            currentMicros={state.points.reduce((sum, p) => sum + (p.spentMicros ?? 0n), 0n)}
            previousMicros={state.previousMicros}
            previousLabel="Same days of the previous period"
          />
          <SpendTrendChart
            points={state.points}
            limitMicros={state.limitMicros}
            projectedMicros={state.projectedMicros}
            summary={summaryOf(state.points, state.limitMicros, state.projectedMicros)}
          />
          <details>
            <summary className="cursor-pointer">Spend by day as a table</summary>
            <TableContainer>
              <Table aria-label={`${title}, by day`}>
                <TableHeader>
                  <TableRow>
                    <TableHead>Day (UTC)</TableHead>
                    <TableHead className="text-right">Spent that day</TableHead>
                    <TableHead className="text-right">Total so far</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {state.points
                    .filter((p) => p.cumulativeMicros !== undefined)
                    .map((p) => (
                      <TableRow key={p.day}>
                        <TableCell>{dayName(p.day)}</TableCell>
                        <TableCell className="text-right">{formatMicrosAsUSD(p.spentMicros!)}</TableCell>
                        <TableCell className="text-right">{formatMicrosAsUSD(p.cumulativeMicros!)}</TableCell>
                      </TableRow>
                    ))}
                </TableBody>
              </Table>
            </TableContainer>
          </details>
        </>
      )}
    </section>
  );
};
