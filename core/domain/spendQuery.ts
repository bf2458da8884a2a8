// The query of the spend export and the per-user spend report, parsed as
// Coder's QueryParamParser does: strict RFC 3339 times (no February 30, no
// hour 24), each parameter at most once and never empty, no parameter it does
// not know, and the AI Gateway retention window. The embedded server and the
// MSW handlers both answer with this; its messages are Coder's where Coder's
// source states them (docs/coder-conformance.md lists which are not).
import { budgetPeriod } from "../budgetPeriod";

export const EXPORT_PERIOD_TOGETHER_MESSAGE =
  'Query parameters "period_start" and "period_end" must be provided together.';
export const EXPORT_PERIOD_ORDER_MESSAGE = 'Query parameter "period_start" must be before "period_end".';
export const EXPORT_PERIOD_TOO_LONG_MESSAGE = "Query period must not exceed 31 days.";
export const INVALID_QUERY_MESSAGE = "Query parameters have invalid values.";

/** Coder allows a custom range of at most 31 days. */
export const MAX_EXPORT_PERIOD_MS = 31 * 86_400_000;

/** The report's page size when none is asked for, and the most it gives at once. */
export const DEFAULT_REPORT_LIMIT = 10;
export const MAX_REPORT_LIMIT = 100;

/** Go's time.Duration.String() for a whole number of seconds: 60 days is "1440h0m0s". */
export function goDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 3600)}h${Math.floor((seconds % 3600) / 60)}m${seconds % 60}s`;
}

/** AI Gateway keeps its records this long unless the deployment says otherwise (`--aibridge-retention`, Coder's docs). */
export const DEFAULT_AI_RETENTION_DAYS = 60;

export const retentionMessage = (retentionMs: number) =>
  `Query parameter "period_start" is older than the configured AI Gateway data retention window (${goDuration(retentionMs)}).`;

/** The filters the server applies; each names one value. */
export interface SpendFilters {
  user_id?: string;
  group_id?: string;
  provider_name?: string;
  model?: string;
  client?: string;
}

export const EXPORT_FILTERS = ["user_id", "group_id", "provider_name", "model"] as const;
export const REPORT_FILTERS = ["provider_name", "model", "client"] as const;
type FilterName = keyof SpendFilters;

export interface SpendQuery {
  start: Date;
  end: Date;
  filters: SpendFilters;
  /** Where retention cut the default period short, if it did. */
  retentionStart?: Date;
  limit: number;
  offset: number;
}

export type SpendQueryResult =
  | { ok: true; value: SpendQuery }
  | { ok: false; body: { message: string; validations?: { field: string; detail: string }[] } };

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number) =>
  [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;

/** Nanoseconds since the epoch of a strict RFC 3339 time, or undefined (Go's time.Parse ranges). */
export function parseRfc3339(text: string): bigint | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (m[8] !== "Z") {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const date = new Date(0);
  // setUTCFullYear: Date.UTC would read the years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const fraction = BigInt((m[7] ?? ".").slice(1).padEnd(9, "0"));
  return (BigInt(date.getTime()) - BigInt(offsetMinutes) * 60_000n) * 1_000_000n + fraction;
}

const nsToDate = (ns: bigint) => new Date(Number(ns / 1_000_000n));

/**
 * The period and filters of an export (`filters` EXPORT_FILTERS) or a report
 * (REPORT_FILTERS plus `limit` and `offset`), by Coder's rules: no period, the
 * current UTC month narrowed to the retention window; both bounds, a range that
 * is not empty, at most 31 days, and not older than the retention window.
 */
export function parseSpendQuery(
  query: URLSearchParams,
  now: Date,
  options: { filters: readonly FilterName[]; paged?: boolean; retentionMs?: number },
): SpendQueryResult {
  const validations: { field: string; detail: string }[] = [];
  const known = new Set<string>(["period_start", "period_end", ...options.filters]);
  if (options.paged) known.add("limit").add("offset");
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    if (!known.has(name))
      validations.push({ field: name, detail: `Query param "${name}" is not a valid query param.` });
    else if (values.length > 1)
      validations.push({ field: name, detail: `Query param "${name}" must be provided at most once.` });
    else if (values[0] === "") validations.push({ field: name, detail: `Query param "${name}" must not be empty.` });
  }
  const hasStart = query.has("period_start");
  const hasEnd = query.has("period_end");
  if (hasStart !== hasEnd && validations.length === 0)
    return { ok: false, body: { message: EXPORT_PERIOD_TOGETHER_MESSAGE } };

  const filters: SpendFilters = {};
  for (const name of options.filters) {
    const value = query.get(name);
    if (value === null || value === "" || query.getAll(name).length > 1) continue;
    if ((name === "user_id" || name === "group_id") && !UUID.test(value)) {
      validations.push({ field: name, detail: `Query param "${name}" must be a valid UUID.` });
      continue;
    }
    filters[name] = name === "user_id" || name === "group_id" ? value.toLowerCase() : value;
  }
  const integer = (name: "limit" | "offset", fallback: number, max: number) => {
    const text = query.get(name);
    if (text === null || query.getAll(name).length > 1 || text === "") return fallback;
    if (!/^\d{1,9}$/.test(text) || Number(text) > max) {
      validations.push({ field: name, detail: `Query param "${name}" must be an integer from 0 to ${max}.` });
      return fallback;
    }
    return Number(text);
  };
  const limit = options.paged ? integer("limit", DEFAULT_REPORT_LIMIT, MAX_REPORT_LIMIT) : 0;
  const offset = options.paged ? integer("offset", 0, 1_000_000_000) : 0;
  if (options.paged && limit === 0 && validations.length === 0)
    validations.push({
      field: "limit",
      detail: `Query param "limit" must be an integer from 1 to ${MAX_REPORT_LIMIT}.`,
    });

  let startNs = 0n;
  let endNs = 0n;
  if (hasStart && hasEnd) {
    for (const field of ["period_start", "period_end"] as const) {
      const text = query.get(field) ?? "";
      if (query.getAll(field).length > 1 || text === "") continue;
      const ns = parseRfc3339(text);
      if (ns === undefined)
        validations.push({ field, detail: `Query param "${field}" must be a valid date format (RFC 3339).` });
      else if (field === "period_start") startNs = ns;
      else endNs = ns;
    }
  }
  if (validations.length > 0) return { ok: false, body: { message: INVALID_QUERY_MESSAGE, validations } };

  const retentionStart =
    options.retentionMs && options.retentionMs > 0 ? new Date(now.getTime() - options.retentionMs) : undefined;
  if (!hasStart) {
    const month = budgetPeriod(now);
    const cut = retentionStart && month.start < retentionStart ? retentionStart : undefined;
    return {
      ok: true,
      value: { start: cut ?? month.start, end: month.end, filters, limit, offset, retentionStart: cut },
    };
  }
  if (!(startNs < endNs)) return { ok: false, body: { message: EXPORT_PERIOD_ORDER_MESSAGE } };
  if (endNs - startNs > BigInt(MAX_EXPORT_PERIOD_MS) * 1_000_000n)
    return { ok: false, body: { message: EXPORT_PERIOD_TOO_LONG_MESSAGE } };
  if (retentionStart && startNs < BigInt(retentionStart.getTime()) * 1_000_000n)
    return { ok: false, body: { message: retentionMessage(options.retentionMs!) } };
  return { ok: true, value: { start: nsToDate(startNs), end: nsToDate(endNs), filters, limit, offset } };
}
