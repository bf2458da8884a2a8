// A report over more days than Coder's export gives in one request (31): the
// period cut into consecutive parts of at most 31 days, each asked on its own,
// and their rows merged back into one export of the whole period, as if Coder
// had answered it in one request. Sums are exact (BigInt).
import { MAX_EXPORT_PERIOD_MS } from "./spendQuery";
import { AI_SPEND_EXPORT_HEADER } from "./spendExport";
import type { ReportRow } from "./spendReport";

/** [start, end) in RFC 3339, as the export's period parameters. */
export interface ExportSpan {
  start: string;
  end: string;
}

const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

/** The period as consecutive spans of at most 31 days, the first from its start, the last to its end. */
export function splitExportPeriod(period: ExportSpan, maxMs: number = MAX_EXPORT_PERIOD_MS): ExportSpan[] {
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  if (!(end > start)) return [];
  const spans: ExportSpan[] = [];
  for (let from = start; from < end; from += maxMs) {
    spans.push({ start: rfc3339(from), end: rfc3339(Math.min(from + maxMs, end)) });
  }
  return spans;
}

const at = Object.fromEntries(AI_SPEND_EXPORT_HEADER.map((name, i) => [name, i])) as Record<
  (typeof AI_SPEND_EXPORT_HEADER)[number],
  number
>;

// The export's own row key and order (Coder: ORDER BY user, effective group, provider, provider name, model).
const rowKey = (r: ReportRow) => [r.user_id, r.group_id, r.provider, r.provider_name, r.model];
const SEPARATOR = "\u0000";

interface Sums {
  row: ReportRow;
  input: bigint;
  output: bigint;
  cacheRead: bigint;
  cacheWrite: bigint;
  cost: bigint;
}

/**
 * One row per user, group, provider and model across the parts, their tokens
 * and costs summed, the period cells naming the whole period: what a single
 * export of it would hold. Names come from the latest part a row is in (a user
 * renamed mid-period reads as now).
 */
export function mergeReportParts(parts: readonly (readonly ReportRow[])[], period: ExportSpan): ReportRow[] {
  const merged = new Map<string, Sums>();
  for (const rows of parts) {
    for (const row of rows) {
      const key = rowKey(row).join(SEPARATOR);
      const sums = merged.get(key) ?? { row, input: 0n, output: 0n, cacheRead: 0n, cacheWrite: 0n, cost: 0n };
      sums.row = row;
      sums.input += BigInt(row.input_tokens);
      sums.output += BigInt(row.output_tokens);
      sums.cacheRead += BigInt(row.cache_read_tokens);
      sums.cacheWrite += BigInt(row.cache_write_tokens);
      sums.cost += row.cost_micros;
      merged.set(key, sums);
    }
  }
  const compare = (a: ReportRow, b: ReportRow) => {
    const x = rowKey(a);
    const y = rowKey(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return 0;
  };
  return [...merged.values()]
    .map(({ row, input, output, cacheRead, cacheWrite, cost }) => {
      const cells = [...row.cells];
      cells[at.input_tokens] = String(input);
      cells[at.output_tokens] = String(output);
      cells[at.cache_read_tokens] = String(cacheRead);
      cells[at.cache_write_tokens] = String(cacheWrite);
      cells[at.cost_micros] = String(cost);
      cells[at.period_start] = period.start;
      cells[at.period_end] = period.end;
      return {
        ...row,
        input_tokens: Number(input),
        output_tokens: Number(output),
        cache_read_tokens: Number(cacheRead),
        cache_write_tokens: Number(cacheWrite),
        cost_micros: cost,
        cells,
      };
    })
    .sort(compare);
}
