// Coder's AI spend CSV export (GET /organizations/{o}/ai/spend/export),
// written once: the period rules and their 400 messages, the header, the
// formula escaping and the CSV text. The embedded server and the MSW handlers
// both answer with these; the report page reads what they write.
import { EXPORT_FILTERS, parseSpendQuery, type SpendFilters } from "./spendQuery";

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

export {
  EXPORT_PERIOD_ORDER_MESSAGE,
  EXPORT_PERIOD_TOGETHER_MESSAGE,
  EXPORT_PERIOD_TOO_LONG_MESSAGE,
  INVALID_QUERY_MESSAGE,
  MAX_EXPORT_PERIOD_MS,
} from "./spendQuery";

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
/** Sums are exact at any size: a count past 2^53 travels as a BigInt. */
export type Sum = number | bigint;

export interface SpendExportRow
  extends Omit<ModelUsage, "input_tokens" | "output_tokens" | "cache_read_tokens" | "cache_write_tokens"> {
  user_id: string;
  username: string;
  group_id: string;
  group_name: string;
  organization_id: string;
  organization_name: string;
  input_tokens: Sum;
  output_tokens: Sum;
  cache_read_tokens: Sum;
  cache_write_tokens: Sum;
  cost_micros: Sum;
}

/**
 * The period an export covers (core/domain/spendQuery.ts has the rules):
 * the current UTC month, or a range of at most 31 days, with the export's filters.
 */
export const exportQuery = (query: URLSearchParams, now: Date, retentionMs?: number) =>
  parseSpendQuery(query, now, { filters: EXPORT_FILTERS, retentionMs });

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
export const rfc3339 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** Coder's order (`ExportOrganizationAISpend`): user id, group id, provider, provider name, model. */
export function sortExportRows(rows: SpendExportRow[]): SpendExportRow[] {
  const key = (r: SpendExportRow) => [r.user_id, r.group_id, r.provider, r.provider_name, r.model];
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
    return 0;
  });
}

export const spendExportHeaderLine = () => `${AI_SPEND_EXPORT_HEADER.join(",")}\n`;

/** One row's line, echoing the period as Coder does. */
export function spendExportLine(row: SpendExportRow, period: { start: Date; end: Date }): string {
  return `${[
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
    rfc3339(period.start),
    rfc3339(period.end),
  ]
    .map(csvField)
    .join(",")}\n`;
}

/** The export's text: the header, then one line per row, every row echoing the period. */
export function spendExportCsv(rows: SpendExportRow[], period: { start: Date; end: Date }): string {
  return (
    spendExportHeaderLine() +
    sortExportRows(rows)
      .map((row) => spendExportLine(row, period))
      .join("")
  );
}

/** Coder's file name: the organization and the period's UTC dates. */
export const spendExportFilename = (organizationName: string, period: { start: Date; end: Date }) =>
  `ai-spend-export-${organizationName}-${period.start.toISOString().slice(0, 10)}-to-${period.end.toISOString().slice(0, 10)}.csv`;

/** One recorded request: who, charged to which group, on which model, its tokens and cost. */
export interface UsageRecord extends ModelUsage {
  user_id: string;
  /** The AI client that sent the request (Claude Code, Cursor, …), when known. */
  client?: string;
  group_id: string;
  cost_micros: number;
  /** ms since the epoch. */
  created_at: number;
}

/** Whether a usage record passes the export's and the report's filters. */
export const matchesFilters = (record: UsageRecord, filters: SpendFilters): boolean =>
  (filters.user_id === undefined || record.user_id === filters.user_id) &&
  (filters.group_id === undefined || record.group_id === filters.group_id) &&
  (filters.provider_name === undefined || record.provider_name === filters.provider_name) &&
  (filters.model === undefined || record.model === filters.model) &&
  (filters.client === undefined || (record.client ?? "") === filters.client);

/** Sums usage records in [start, end) that pass the filters into export rows, one per user × group × model × provider, exactly. */
export function aggregateUsage(
  usage: Iterable<UsageRecord>,
  period: { start: Date; end: Date; filters?: SpendFilters },
  describe: (
    record: UsageRecord,
  ) => Pick<SpendExportRow, "username" | "group_name" | "organization_id" | "organization_name"> | undefined,
): SpendExportRow[] {
  const rows = new Map<string, SpendExportRow & { sums: bigint[] }>();
  for (const record of usage) {
    if (record.created_at < period.start.getTime() || record.created_at >= period.end.getTime()) continue;
    if (period.filters && !matchesFilters(record, period.filters)) continue;
    const names = describe(record);
    if (!names) continue;
    const key = JSON.stringify([record.user_id, record.group_id, record.model, record.provider, record.provider_name]);
    const row = rows.get(key) ?? {
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
      sums: [0n, 0n, 0n, 0n, 0n],
    };
    const adds = [
      record.input_tokens,
      record.output_tokens,
      record.cache_read_tokens,
      record.cache_write_tokens,
      record.cost_micros,
    ];
    adds.forEach((value, i) => {
      row.sums[i]! += BigInt(value);
    });
    rows.set(key, row);
  }
  const exact = (sum: bigint): Sum => (sum <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(sum) : sum);
  return sortExportRows(
    [...rows.values()].map(({ sums, ...row }) => ({
      ...row,
      input_tokens: exact(sums[0]!),
      output_tokens: exact(sums[1]!),
      cache_read_tokens: exact(sums[2]!),
      cache_write_tokens: exact(sums[3]!),
      cost_micros: exact(sums[4]!),
    })),
  );
}
