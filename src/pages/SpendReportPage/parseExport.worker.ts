// Keeps a large spend export's rows off the page's thread, and answers the
// page's summaries and downloads from them.
import { filterRows, summarizeReport, type ReportRow } from "../../../core/domain/spendReport";
import { exportCsvOf, parseExportText, type WorkerAnswer, type WorkerRequest } from "./parseExport";

let rows: ReportRow[] = [];

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  let answer: WorkerAnswer;
  try {
    if (request.type === "load") {
      rows = parseExportText(new TextDecoder().decode(request.bytes));
      answer = { id: request.id, ok: true, value: rows.length };
    } else if (request.type === "summarize") {
      answer = { id: request.id, ok: true, value: summarizeReport(rows, request.filters) };
    } else {
      answer = { id: request.id, ok: true, value: exportCsvOf(filterRows(rows, request.filters)) };
    }
  } catch (error) {
    answer = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
