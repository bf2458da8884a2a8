// Coder's spend export, parsed with Papa Parse: on the main thread for a
// small file, in a worker for a large one, so 100,000 rows do not freeze the
// page.
import Papa from "papaparse";
import { reportRowsFromCells, type ReportRow } from "../../domain/spendReport";

/** Above this many characters (about 5,000 rows) the export is parsed in a worker. */
export const LARGE_EXPORT_CHARS = 1_000_000;

export function parseExportText(text: string): ReportRow[] {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const fatal = result.errors.find((e) => e.type !== "Delimiter");
  if (fatal) throw new Error(`The spend export could not be read: ${fatal.message} (row ${fatal.row ?? "?"}).`);
  return reportRowsFromCells(result.data);
}

/** Parses the export off the main thread when it is large and workers exist. */
export function parseExport(text: string): Promise<ReportRow[]> {
  if (text.length < LARGE_EXPORT_CHARS || typeof Worker === "undefined") {
    return Promise.resolve().then(() => parseExportText(text));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./parseExport.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<{ rows: ReportRow[] } | { error: string }>) => {
      worker.terminate();
      if ("rows" in event.data) resolve(event.data.rows);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`The spend export could not be read: ${event.message}`));
    };
    worker.postMessage(text);
  });
}

/** The CSV of exactly the rows shown: Coder's header and the cells as received. */
export function exportCsvOf(rows: readonly ReportRow[], header: readonly string[]): string {
  return `${Papa.unparse({ fields: [...header], data: rows.map((r) => r.cells) }, { newline: "\n" })}\n`;
}
