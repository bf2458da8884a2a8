// Spend by day from Coder's CSV export, asked one UTC day at a time (Coder
// has no daily spend endpoint): at most 4 requests in flight across the page,
// and a past day's answer kept for the session, since recorded spend never
// changes. Only the trend chart's lazy chunk imports this (and Papa Parse):
// it stays out of src/api/, whose files all load with the first page.
import { queryOptions } from "@tanstack/react-query";
import Papa from "papaparse";
import { API } from "../../api/api";
import { reportRowsFromCells } from "../../../core/domain/spendReport";
import { splitExportPeriod } from "../../../core/domain/spendReportParts";
import { daySpan, isOpenDay, limitConcurrency, type Span } from "./dailySpend";
import { queryKeys } from "../../api/queries/keys";

export const MAX_DAYS_IN_FLIGHT = 4;
const slot = limitConcurrency(MAX_DAYS_IN_FLIGHT);

/** One export, summed per user and the group each spend was charged to. */
export interface SpendTotals {
  rows: { user_id: string; group_id: string; cost_micros: bigint }[];
}

export function spendTotalsOf(bytes: ArrayBuffer): SpendTotals {
  const parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true });
  const fatal = parsed.errors.find((e) => e.type !== "Delimiter");
  if (fatal) throw new Error(`The spend export could not be read: ${fatal.message}`);
  const sums = new Map<string, { user_id: string; group_id: string; cost_micros: bigint }>();
  for (const row of reportRowsFromCells(parsed.data)) {
    const key = `${row.user_id}/${row.group_id}`;
    const sum = sums.get(key) ?? { user_id: row.user_id, group_id: row.group_id, cost_micros: 0n };
    sum.cost_micros += row.cost_micros;
    sums.set(key, sum);
  }
  return { rows: [...sums.values()] };
}

/** Which spend a trend counts: everyone's in the organization, one group's, or one user's. */
export interface SpendScope {
  group_id?: string;
  user_id?: string;
}

export const totalFor = (totals: SpendTotals, scope: SpendScope): bigint =>
  totals.rows
    .filter(
      (r) => (!scope.group_id || r.group_id === scope.group_id) && (!scope.user_id || r.user_id === scope.user_id),
    )
    .reduce((sum, r) => sum + r.cost_micros, 0n);

const closed = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY };
const open = { staleTime: 60_000 };

/**
 * The export of any span, summed (a span over 31 days, such as the days before
 * a long report, in parts of 31: Coder's most a request); a span wholly in the
 * past is kept for the session.
 */
export const spendSpan = (organization: string, span: Span, now: Date) =>
  queryOptions({
    queryKey: queryKeys.aiSpendDay(organization, `${span.start}/${span.end}`),
    queryFn: async ({ signal }): Promise<SpendTotals> => {
      const parts = await Promise.all(
        splitExportPeriod(span).map((part) =>
          slot(async () => spendTotalsOf(await API.getAISpendExport(organization, part, signal))),
        ),
      );
      return { rows: parts.flatMap((part) => part.rows) };
    },
    retry: false,
    ...(Date.parse(span.end) <= now.getTime() ? closed : open),
  });

/** One UTC day's export, summed. */
export const spendDay = (organization: string, day: string, now: Date) => ({
  ...spendSpan(organization, daySpan(day), now),
  ...(isOpenDay(day, now) ? open : closed),
});
