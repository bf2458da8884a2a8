// Coder's spend export, parsed with Papa Parse. A small file is parsed and
// summed on the page's thread; a large one in a worker that keeps the rows
// and answers only the summaries the page shows (a few hundred lines), so
// 100,000 rows neither block the page while parsing nor while being copied
// back to it.
import Papa from "papaparse";
import { AI_SPEND_EXPORT_HEADER, escapeFormula } from "../../../core/domain/spendExport";
import {
  filterRows,
  reportRowsFromCells,
  summarizeReport,
  type ReportFilters,
  type ReportRow,
  type ReportSummary,
} from "../../../core/domain/spendReport";

/** Above this many bytes (about 5,000 rows) the export is decoded and parsed in a worker. */
export const LARGE_EXPORT_BYTES = 1_000_000;

export function parseExportText(text: string): ReportRow[] {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const fatal = result.errors.find((e) => e.type !== "Delimiter");
  if (fatal) throw new Error(`The spend export could not be read: ${fatal.message} (row ${fatal.row ?? "?"}).`);
  return reportRowsFromCells(result.data);
}

/**
 * The CSV of exactly the rows shown: Coder's header and the cells as received,
 * each defused as the server's export is (a deployment may not have done it).
 */
export function exportCsvOf(rows: readonly ReportRow[]): string {
  const data = rows.map((r) => r.cells.map(escapeFormula));
  return `${Papa.unparse({ fields: [...AI_SPEND_EXPORT_HEADER], data }, { newline: "\n" })}\n`;
}

/** A parsed export, wherever its rows are kept. */
export interface ReportSource {
  rowCount: number;
  summarize(filters: ReportFilters): Promise<ReportSummary>;
  /** The CSV of the rows that pass the filters. */
  csv(filters: ReportFilters): Promise<string>;
}

/** Rows kept on the page's thread. */
export function rowsSource(rows: ReportRow[]): ReportSource {
  return {
    rowCount: rows.length,
    summarize: async (filters) => summarizeReport(rows, filters),
    csv: async (filters) => exportCsvOf(filterRows(rows, filters)),
  };
}

type WorkerCall =
  | { type: "load"; bytes: ArrayBuffer }
  | { type: "summarize"; filters: ReportFilters }
  | { type: "csv"; filters: ReportFilters };
export type WorkerRequest = WorkerCall & { id: number };
export type WorkerAnswer = { id: number } & ({ ok: true; value: unknown } | { ok: false; error: string });

function workerSource(bytes: ArrayBuffer): Promise<ReportSource> {
  const worker = new Worker(new URL("./parseExport.worker.ts", import.meta.url), { type: "module" });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
    const answer = event.data;
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    if (answer.ok) waiting?.resolve(answer.value);
    else waiting?.reject(new Error(answer.error));
  };
  worker.onerror = (event) => {
    for (const waiting of pending.values())
      waiting.reject(new Error(`The spend export could not be read: ${event.message}`));
    pending.clear();
  };
  const ask = <T>(request: WorkerCall, transfer: Transferable[] = []): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id }, transfer);
    });
  // The bytes move to the worker rather than being copied.
  return ask<number>({ type: "load", bytes }, [bytes]).then((rowCount) => ({
    rowCount,
    summarize: (filters) => ask<ReportSummary>({ type: "summarize", filters }),
    csv: (filters) => ask<string>({ type: "csv", filters }),
  }));
}

/** Parses the export: in a worker when it is large and workers exist, else here. */
export function loadReport(bytes: ArrayBuffer): Promise<ReportSource> {
  if (bytes.byteLength < LARGE_EXPORT_BYTES || typeof Worker === "undefined") {
    return Promise.resolve().then(() => rowsSource(parseExportText(new TextDecoder().decode(bytes))));
  }
  return workerSource(bytes);
}
