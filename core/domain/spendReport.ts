// The spend report, from the rows of Coder's CSV export: filters, totals, and
// the lines by user, group, model and provider. Costs are summed in BigInt.
import { AI_SPEND_EXPORT_HEADER, type ModelUsage } from "./spendExport";

/** One row of the export as the report reads it. */
export interface ReportRow extends ModelUsage {
  user_id: string;
  username: string;
  group_id: string;
  group_name: string;
  cost_micros: bigint;
  /** The cells as received, for a download of exactly what is shown. */
  cells: string[];
}

export type ReportDimension = "user" | "group" | "model" | "provider";

export interface ReportFilters {
  user?: string;
  group?: string;
  model?: string;
  provider?: string;
}

export interface ReportLine {
  key: string;
  label: string;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  cost_micros: bigint;
}

const keyOf: Record<ReportDimension, (row: ReportRow) => [key: string, label: string]> = {
  user: (r) => [r.user_id, r.username],
  group: (r) => [r.group_id, r.group_name],
  model: (r) => [`${r.provider}\u0000${r.model}`, r.model],
  provider: (r) => [
    r.provider_name,
    r.provider_name === r.provider ? r.provider : `${r.provider_name} (${r.provider})`,
  ],
};

/** Rows that pass every filter set (a filter is a user id, group id, model or provider name). */
export const filterRows = (rows: readonly ReportRow[], filters: ReportFilters): ReportRow[] =>
  rows.filter(
    (r) =>
      (!filters.user || r.user_id === filters.user) &&
      (!filters.group || r.group_id === filters.group) &&
      (!filters.model || r.model === filters.model) &&
      (!filters.provider || r.provider_name === filters.provider),
  );

const emptyLine = (key: string, label: string): ReportLine => ({
  key,
  label,
  input_tokens: 0,
  output_tokens: 0,
  cache_read_tokens: 0,
  cache_write_tokens: 0,
  cost_micros: 0n,
});

function add(line: ReportLine, row: ReportRow): void {
  line.input_tokens += row.input_tokens;
  line.output_tokens += row.output_tokens;
  line.cache_read_tokens += row.cache_read_tokens;
  line.cache_write_tokens += row.cache_write_tokens;
  line.cost_micros += row.cost_micros;
}

/** One line per user (group, model, provider), the highest cost first. */
export function linesBy(rows: readonly ReportRow[], dimension: ReportDimension): ReportLine[] {
  const lines = new Map<string, ReportLine>();
  for (const row of rows) {
    const [key, label] = keyOf[dimension](row);
    const line = lines.get(key) ?? emptyLine(key, label);
    add(line, row);
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) =>
    a.cost_micros === b.cost_micros ? a.label.localeCompare(b.label) : a.cost_micros > b.cost_micros ? -1 : 1,
  );
}

export function totalOf(rows: readonly ReportRow[]): ReportLine {
  const total = emptyLine("total", "Total");
  for (const row of rows) add(total, row);
  return total;
}

export type SortColumn =
  | "label"
  | "input_tokens"
  | "output_tokens"
  | "cache_read_tokens"
  | "cache_write_tokens"
  | "cost_micros";

export function sortLines(
  lines: readonly ReportLine[],
  column: SortColumn,
  direction: "ascending" | "descending",
): ReportLine[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...lines].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    const order =
      typeof x === "string" || typeof y === "string"
        ? String(x).localeCompare(String(y))
        : x === y
          ? 0
          : x < y
            ? -1
            : 1;
    return sign * order || a.label.localeCompare(b.label);
  });
}

/** The distinct values a filter offers: [value, label], by label. */
export function filterOptions(rows: readonly ReportRow[], dimension: ReportDimension): [string, string][] {
  const options = new Map<string, string>();
  for (const row of rows) {
    if (dimension === "user") options.set(row.user_id, row.username);
    else if (dimension === "group") options.set(row.group_id, row.group_name);
    else if (dimension === "model") options.set(row.model, row.model);
    else options.set(row.provider_name, row.provider_name);
  }
  return [...options].sort((a, b) => a[1].localeCompare(b[1]));
}

const INTEGER = /^\d+$/;

/**
 * Rows from the export's parsed cells (header first). Throws when the header
 * is not Coder's or a number is not a whole number, so a wrong file says so.
 */
export function reportRowsFromCells(table: readonly string[][]): ReportRow[] {
  const [header, ...body] = table;
  if (!header || header.join(",") !== AI_SPEND_EXPORT_HEADER.join(",")) {
    throw new Error("The spend export did not start with Coder's header.");
  }
  const at = Object.fromEntries(AI_SPEND_EXPORT_HEADER.map((name, i) => [name, i])) as Record<
    (typeof AI_SPEND_EXPORT_HEADER)[number],
    number
  >;
  return body
    .filter((cells) => cells.length > 1 || cells[0] !== "")
    .map((cells, index) => {
      const whole = (
        name: "input_tokens" | "output_tokens" | "cache_read_tokens" | "cache_write_tokens" | "cost_micros",
      ) => {
        const text = cells[at[name]] ?? "";
        if (!INTEGER.test(text)) throw new Error(`Row ${index + 2} of the spend export has "${text}" as ${name}.`);
        return text;
      };
      return {
        user_id: cells[at.user_id] ?? "",
        username: cells[at.username] ?? "",
        group_id: cells[at.group_id] ?? "",
        group_name: cells[at.group_name] ?? "",
        model: cells[at.model] ?? "",
        provider: cells[at.provider] ?? "",
        provider_name: cells[at.provider_name] ?? "",
        input_tokens: Number(whole("input_tokens")),
        output_tokens: Number(whole("output_tokens")),
        cache_read_tokens: Number(whole("cache_read_tokens")),
        cache_write_tokens: Number(whole("cache_write_tokens")),
        cost_micros: BigInt(whole("cost_micros")),
        cells: [...cells],
      };
    });
}

/** Everything the report shows for one set of filters. */
export interface ReportSummary {
  /** Rows in the period, before filters. */
  rowCount: number;
  /** Rows that pass the filters. */
  shownCount: number;
  total: ReportLine;
  by: Record<ReportDimension, ReportLine[]>;
  /** What each filter offers, from every row of the period. */
  options: Record<ReportDimension, [string, string][]>;
}

const DIMENSIONS: ReportDimension[] = ["user", "group", "model", "provider"];

export function summarizeReport(rows: readonly ReportRow[], filters: ReportFilters): ReportSummary {
  const shown = filterRows(rows, filters);
  return {
    rowCount: rows.length,
    shownCount: shown.length,
    total: totalOf(shown),
    by: Object.fromEntries(DIMENSIONS.map((d) => [d, linesBy(shown, d)])) as ReportSummary["by"],
    options: Object.fromEntries(DIMENSIONS.map((d) => [d, filterOptions(rows, d)])) as ReportSummary["options"],
  };
}
