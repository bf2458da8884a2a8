import { useMemo, type FC } from "react";
import { rowsSource } from "./parseExport";
import { ReportPartsProgress } from "./ReportPartsProgress";
import { ReportTrend } from "./ReportTrend";
import { SpendReportView } from "./SpendReportView";
import { useReportParts } from "./useReportParts";

interface LongRangeReportProps {
  organization: string;
  period: { start: string; end: string };
  /** The whole period's file name: one download holds every part's rows, merged. */
  filename: string;
}

/**
 * A period longer than one export request: asked in parts with their
 * progress, then shown as one report (the same view, totals, charts and CSV
 * as a single request's), merged exactly.
 */
export const LongRangeReport: FC<LongRangeReportProps> = ({ organization, period, filename }) => {
  const { parts, rows, cancel, retry } = useReportParts(organization, period.start, period.end);
  const source = useMemo(() => (rows ? rowsSource(rows) : undefined), [rows]);
  if (!source) return <ReportPartsProgress parts={parts} onCancel={cancel} onRetry={retry} />;
  return (
    <>
      <SpendReportView source={source} filename={filename} />
      <ReportTrend organization={organization} period={period} source={source} />
    </>
  );
};
