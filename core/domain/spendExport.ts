// Coder's AI spend CSV export (GET /organizations/{o}/ai/spend/export),
// written once: the period rules and their 400 messages, the header, the
// formula escaping and the CSV text. The embedded server and the MSW handlers
// both answer with these; the report page reads what they write.
import { budgetPeriod } from "../budgetPeriod";

export const AI_SPEND_EXPORT_HEADER = [
  "user_id",
  "username",
  "group_id",
  "group_name",
  "organization_id",
  "organization_name",
  "model",
  "provider",
  "provider_name",
  "input_tokens",
  "output_tokens",
  "cache_read_tokens",
  "cache_write_tokens",
  "cost_micros",
  "period_start",
  "period_end",
] as const;

export const AI_SPEND_EXPORT_CONTENT_TYPE = "text/csv; charset=utf-8";

/** Coder allows a custom range of at most 31 days. */
export const MAX_EXPORT_PERIOD_MS = 31 * 86_400_000;

export const EXPORT_PERIOD_TOGETHER_MESSAGE =
  'Query parameters "period_start" and "period_end" must be provided together.';
export const EXPORT_PERIOD_ORDER_MESSAGE = 'Query parameter "period_start" must be before "period_end".';
export const EXPORT_PERIOD_TOO_LONG_MESSAGE = "Query period must not exceed 31 days.";
export const INVALID_QUERY_MESSAGE = "Query parameters have invalid values.";

/** Which model of which provider, and the tokens it took: what every usage row and export row carries. */
export interface ModelUsage {
  model: string;
  provider: string;
  provider_name: string;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
}

/** One aggregated row: a user's spend charged to a group, on one model of one provider. */
export interface SpendExportRow extends ModelUsage {
  user_id: string;
  username: string;
  group_id: string;
  group_name: string;
  organization_id: string;
  organization_name: string;
  cost_micros: number;
}

export type ExportPeriodResult =
  | { ok: true; start: Date; end: Date }
  | { ok: false; body: { message: string; validations?: { field: string; detail: string }[] } };

// RFC 3339 with an offset or Z, optional fraction (Coder parses with time.RFC3339Nano).
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The period an export covers, by Coder's rules: none given, the current UTC
 * month; both, an RFC 3339 range that is not empty and spans at most 31 days
 * (and then no other query parameter); one alone, a 400.
 */
export function exportPeriod(query: URLSearchParams, now: Date): ExportPeriodResult {
  const hasStart = query.has("period_start");
  const hasEnd = query.has("period_end");
  if (!hasStart && !hasEnd) {
    const { start, end } = budgetPeriod(now);
    return { ok: true, start, end };
  }
  if (hasStart !== hasEnd) return { ok: false, body: { message: EXPORT_PERIOD_TOGETHER_MESSAGE } };
  const validations: { field: string; detail: string }[] = [];
  // In nanoseconds, as Coder compares them: a range 31 days and 1 ns long is too long.
  const parse = (field: "period_start" | "period_end"): bigint => {
    const text = query.get(field) ?? "";
    const match = RFC3339.exec(text);
    const ms = match ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(ms)) {
      validations.push({ field, detail: `Query param "${field}" must be a valid date format (RFC 3339).` });
      return 0n;
    }
    const subMillisecond = BigInt((match![1] ?? ".").slice(1).padEnd(9, "0").slice(3));
    return BigInt(ms) * 1_000_000n + subMillisecond;
  };
  const start = parse("period_start");
  const end = parse("period_end");
  for (const name of new Set(query.keys())) {
    if (name !== "period_start" && name !== "period_end")
      validations.push({ field: name, detail: `Query param "${name}" is not a valid query param.` });
  }
  if (validations.length > 0) return { ok: false, body: { message: INVALID_QUERY_MESSAGE, validations } };
  if (!(start < end)) return { ok: false, body: { message: EXPORT_PERIOD_ORDER_MESSAGE } };
  if (end - start > BigInt(MAX_EXPORT_PERIOD_MS) * 1_000_000n)
    return { ok: false, body: { message: EXPORT_PERIOD_TOO_LONG_MESSAGE } };
  return { ok: true, start: new Date(Number(start / 1_000_000n)), end: new Date(Number(end / 1_000_000n)) };
}

/**
 * Characters that make a spreadsheet read a cell as a formula, or that it
 * skips before one: the ASCII signs, their fullwidth forms (＝ ＋ － ＠, which
 * some spreadsheets fold to ASCII), `|` (DDE), and leading white space of any
 * kind (tab, line feed, carriage return, space, no-break space).
 */
const FORMULA_PREFIXES = /^[=+\-@|\uff1d\uff0b\uff0d\uff20\s\u00a0]/u;

/**
 * A leading formula character is defused with a single quote, which
 * spreadsheets show as text. One rule for every CSV written here: the
 * server's export and the app's Download CSV.
 */
export const escapeFormula = (value: string): string => (FORMULA_PREFIXES.test(value) ? `'${value}` : value);

/** Quoted when it holds a comma, a quote or a line break, or starts with a space (as Go's encoding/csv writes). */
function csvField(value: string): string {
  if (value === "") return value;
  if (/[",\r\n]/.test(value) || /^\s/u.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

/** RFC 3339 in UTC without fractions, as Coder echoes the period on every row. */
const rfc3339 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** Rows in a stable order: user, then group, model, provider and provider name. */
export function sortExportRows(rows: SpendExportRow[]): SpendExportRow[] {
  const key = (r: SpendExportRow) => [r.username, r.group_name, r.model, r.provider, r.provider_name];
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
    return 0;
  });
}

/** The export's text: the header, then one line per row, every row echoing the period. */
export function spendExportCsv(rows: SpendExportRow[], period: { start: Date; end: Date }): string {
  const start = rfc3339(period.start);
  const end = rfc3339(period.end);
  const lines = [AI_SPEND_EXPORT_HEADER.join(",")];
  for (const row of sortExportRows(rows)) {
    lines.push(
      [
        row.user_id,
        escapeFormula(row.username),
        row.group_id,
        escapeFormula(row.group_name),
        row.organization_id,
        escapeFormula(row.organization_name),
        escapeFormula(row.model),
        escapeFormula(row.provider),
        escapeFormula(row.provider_name),
        String(row.input_tokens),
        String(row.output_tokens),
        String(row.cache_read_tokens),
        String(row.cache_write_tokens),
        String(row.cost_micros),
        start,
        end,
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Coder's file name: the organization and the period's UTC dates. */
export const spendExportFilename = (organizationName: string, period: { start: Date; end: Date }) =>
  `ai-spend-export-${organizationName}-${period.start.toISOString().slice(0, 10)}-to-${period.end.toISOString().slice(0, 10)}.csv`;

/** One recorded request: who, charged to which group, on which model, its tokens and cost. */
export interface UsageRecord extends ModelUsage {
  user_id: string;
  group_id: string;
  cost_micros: number;
  /** ms since the epoch. */
  created_at: number;
}

/** Sums usage records in [start, end) into export rows, one per user × group × model × provider. */
export function aggregateUsage(
  usage: Iterable<UsageRecord>,
  period: { start: Date; end: Date },
  describe: (
    record: UsageRecord,
  ) => Pick<SpendExportRow, "username" | "group_name" | "organization_id" | "organization_name"> | undefined,
): SpendExportRow[] {
  const rows = new Map<string, SpendExportRow>();
  for (const record of usage) {
    if (record.created_at < period.start.getTime() || record.created_at >= period.end.getTime()) continue;
    const names = describe(record);
    if (!names) continue;
    const key = JSON.stringify([record.user_id, record.group_id, record.model, record.provider, record.provider_name]);
    const row =
      rows.get(key) ??
      ({
        user_id: record.user_id,
        group_id: record.group_id,
        model: record.model,
        provider: record.provider,
        provider_name: record.provider_name,
        ...names,
        input_tokens: 0,
        output_tokens: 0,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        cost_micros: 0,
      } satisfies SpendExportRow);
    row.input_tokens += record.input_tokens;
    row.output_tokens += record.output_tokens;
    row.cache_read_tokens += record.cache_read_tokens;
    row.cache_write_tokens += record.cache_write_tokens;
    row.cost_micros += record.cost_micros;
    rows.set(key, row);
  }
  return sortExportRows([...rows.values()]);
}
