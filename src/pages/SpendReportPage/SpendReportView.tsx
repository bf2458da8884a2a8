import { useEffect, useState, type FC } from "react";
import type { ReportDimension, ReportFilters, ReportSummary } from "../../../core/domain/spendReport";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { Button } from "../../components/ui/Button";
import { EmptyState } from "../../components/ui/EmptyState";
import { ChartColumn } from "lucide-react";
import { formatMicrosAsUSD, formatMicrosAsUSDCents } from "../../../core/currency";
import type { ReportSource } from "./parseExport";
import { ReportTable } from "./ReportTable";
import { SpendChart } from "./SpendChart";
import { reportFieldClassName, reportFiltersClassName, reportInputClassName } from "./reportStyles";

const FILTERS: [ReportDimension, string][] = [
  ["user", "User"],
  ["group", "Group"],
  ["model", "Model"],
  ["provider", "Provider"],
];

/** Offers the CSV of the rows shown as a file; the browser saves it. */
function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

interface SpendReportViewProps {
  source: ReportSource;
  /** The file name a download takes, after Coder's. */
  filename: string;
  onDownload?: (csv: string, filename: string) => void;
  /** "By user" comes paged from the server instead (UserSpendSection), where the deployment has it. */
  usersPagedOnServer?: boolean;
}

/** The period's spend: filters, totals, charts by model and top users, and the four breakdowns. */
export const SpendReportView: FC<SpendReportViewProps> = ({
  source,
  filename,
  onDownload = download,
  usersPagedOnServer = false,
}) => {
  const [filters, setFilters] = useState<ReportFilters>({});
  const [summary, setSummary] = useState<ReportSummary>();
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    let current = true;
    source.summarize(filters).then(
      (next) => current && setSummary(next),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [source, filters]);
  if (source.rowCount === 0) {
    return (
      <EmptyState
        icon={<ChartColumn size={32} />}
        title="No AI spend in this period."
        description={<p>Choose an earlier period above: spend shows here once members use AI.</p>}
      />
    );
  }
  if (failure) return <ErrorAlert title="Could not sum the spend export." error={failure} />;
  if (!summary) return <Spinner label="Summing the spend export" />;
  const { total, by } = summary;
  return (
    <>
      <fieldset className={reportFiltersClassName}>
        <legend>Filters</legend>
        {FILTERS.map(([dimension, label]) => (
          <div key={dimension} className={reportFieldClassName}>
            <label htmlFor={`report-filter-${dimension}`}>{label}</label>
            <select
              id={`report-filter-${dimension}`}
              className={reportInputClassName}
              value={filters[dimension] ?? ""}
              onChange={(event) => setFilters({ ...filters, [dimension]: event.target.value || undefined })}
            >
              <option value="">All</option>
              {summary.options[dimension].map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <p className="mx-0 my-2" role="status">
        <strong title={formatMicrosAsUSD(total.cost_micros)}>{formatMicrosAsUSDCents(total.cost_micros)}</strong> in
        total, {total.input_tokens.toLocaleString("en-US")} input and {total.output_tokens.toLocaleString("en-US")}{" "}
        output tokens, over {summary.shownCount.toLocaleString("en-US")} {summary.shownCount === 1 ? "row" : "rows"}.
      </p>
      <Button onClick={() => void source.csv(filters).then((csv) => onDownload(csv, filename), setFailure)}>
        Download CSV
      </Button>
      {summary.shownCount === 0 ? (
        <p className="text-content-secondary">No spend matches these filters.</p>
      ) : (
        <>
          <div className="mx-0 my-4 grid grid-cols-[repeat(auto-fit,minmax(18rem,1fr))] gap-4">
            <SpendChart title="Spend by model" lines={by.model} />
            <SpendChart title="Spend by provider" lines={by.provider} />
            <SpendChart title="Top users" lines={by.user} />
          </div>
          {!usersPagedOnServer && <ReportTable title="By user" nameHeader="User" lines={by.user} total={total} />}
          <ReportTable title="By group" nameHeader="Group" lines={by.group} total={total} />
          <ReportTable title="By model" nameHeader="Model" lines={by.model} total={total} />
          <ReportTable title="By provider" nameHeader="Provider" lines={by.provider} total={total} />
        </>
      )}
    </>
  );
};
