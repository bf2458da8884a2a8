// Loads a period longer than one export request allows: its parts of at most
// 31 days, at most 4 requests in flight, each part's rows kept as it arrives.
// Cancel stops what is in flight and what waits; Retry asks again for exactly
// the parts that did not arrive, keeping the others.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { API } from "../../api/api";
import { limitConcurrency } from "../../components/SpendTrend/dailySpend";
import type { ReportRow } from "../../../core/domain/spendReport";
import { mergeReportParts, splitExportPeriod, type ExportSpan } from "../../../core/domain/spendReportParts";
import { parseExportText } from "./parseExport";

export const MAX_PARTS_IN_FLIGHT = 4;

export type PartStatus = "waiting" | "loading" | "done" | "failed" | "cancelled";

export interface ReportPart {
  span: ExportSpan;
  status: PartStatus;
  rows?: ReportRow[];
  error?: unknown;
}

export interface ReportParts {
  parts: ReportPart[];
  /** Every part's rows merged into one export of the whole period, once all have arrived. */
  rows: ReportRow[] | undefined;
  cancel: () => void;
  /** Asks again for the parts that failed or were cancelled. */
  retry: () => void;
}

/** A part's export, parsed (one part is at most 31 days: small enough for the page's thread). */
async function loadPart(organization: string, span: ExportSpan, signal: AbortSignal): Promise<ReportRow[]> {
  const bytes = await API.getAISpendExport(organization, span, signal);
  return parseExportText(new TextDecoder().decode(bytes));
}

export function useReportParts(organization: string, periodStart: string, periodEnd: string): ReportParts {
  const spans = useMemo(() => splitExportPeriod({ start: periodStart, end: periodEnd }), [periodStart, periodEnd]);
  const [parts, setParts] = useState<ReportPart[]>(() => spans.map((span) => ({ span, status: "waiting" })));
  // The load each part belongs to: an answer of an older load (cancelled, or
  // left behind by a remount) never overwrites a newer one.
  const owners = useRef<AbortController[]>([]);

  const load = useCallback(
    (indexes: number[]) => {
      const controller = new AbortController();
      const { signal } = controller;
      const slot = limitConcurrency(MAX_PARTS_IN_FLIGHT);
      for (const index of indexes) owners.current[index] = controller;
      const set = (index: number, next: Omit<ReportPart, "span">) => {
        if (owners.current[index] !== controller) return;
        setParts((current) => current.map((part, i) => (i === index ? { span: part.span, ...next } : part)));
      };
      for (const index of indexes) {
        set(index, { status: "waiting" });
        void slot(async () => {
          // Cancelled while waiting for a slot: never asked.
          if (signal.aborted) return set(index, { status: "cancelled" });
          set(index, { status: "loading" });
          try {
            const rows = await loadPart(organization, spans[index]!, signal);
            set(index, signal.aborted ? { status: "cancelled" } : { status: "done", rows });
          } catch (error) {
            set(index, signal.aborted ? { status: "cancelled" } : { status: "failed", error });
          }
        });
      }
    },
    [organization, spans],
  );

  const cancel = useCallback(() => {
    for (const controller of new Set(owners.current)) controller.abort();
  }, []);

  useEffect(() => {
    setParts(spans.map((span) => ({ span, status: "waiting" })));
    load(spans.map((_, i) => i));
    return () => {
      cancel();
      owners.current = [];
    };
  }, [spans, load, cancel]);

  const retry = useCallback(() => {
    const missing = parts.flatMap((part, i) => (part.status === "failed" || part.status === "cancelled" ? [i] : []));
    if (missing.length > 0) load(missing);
  }, [parts, load]);

  const complete = parts.length > 0 && parts.every((part) => part.status === "done");
  // Merged once the last part has arrived (the parts do not change after that).
  const rows = useMemo(
    () =>
      complete
        ? mergeReportParts(
            parts.map((part) => part.rows ?? []),
            { start: periodStart, end: periodEnd },
          )
        : undefined,
    [complete, parts, periodStart, periodEnd],
  );
  return { parts, rows, cancel, retry };
}
