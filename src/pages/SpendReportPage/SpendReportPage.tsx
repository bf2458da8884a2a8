import { useQuery } from "@tanstack/react-query";
import { useState, type FC, type FormEvent } from "react";
import { useParams } from "react-router";
import { API } from "../../api/api";
import { isForbidden } from "../../api/errors";
import { queryKeys } from "../../api/queries/keys";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { spendExportFilename } from "../../../core/domain/spendExport";
import { useClock } from "../../utils/clock";
import { loadReport } from "./parseExport";
import { exportRange, MAX_REPORT_DAYS, thisMonth, type PickedDays } from "./reportPeriod";
import { SpendReportView } from "./SpendReportView";
import { ReportTrend } from "./ReportTrend";
import { Button } from "../../components/ui/Button";
import { useSpendFeatures } from "../../hooks/useSpendFeatures";
import { UserSpendSection } from "./UserSpendSection";
import { LongRangeReport } from "./LongRangeReport";
import { Page, PageHeader, PageSubtitle } from "../../components/ui/Page";
import { fieldErrorClassName } from "../../components/ui/TextField";
import { reportFieldClassName, reportFormClassName, reportInputClassName } from "./reportStyles";

const FORBIDDEN = "Forbidden.";

/**
 * The spend report: who spent what on which model, from Coder's CSV export,
 * for any period the deployment still keeps; one request up to 31 days, parts
 * of 31 days beyond (LongRangeReport).
 */
const SpendReportPage: FC = () => {
  const { organization = "" } = useParams();
  const clock = useClock();
  const features = useSpendFeatures();
  const [picked, setPicked] = useState<PickedDays>(() => thisMonth(clock()));
  const [draft, setDraft] = useState<PickedDays>(picked);
  const range = exportRange(picked, clock());
  const draftRange = exportRange(draft, clock());
  const checked = "error" in range ? undefined : range;
  const period = checked && { start: checked.start, end: checked.end };
  const inParts = checked !== undefined && checked.days > MAX_REPORT_DAYS;
  const report = useQuery({
    queryKey: queryKeys.aiSpendExport(organization, period),
    queryFn: async ({ signal }) => loadReport(await API.getAISpendExport(organization, period!, signal)),
    enabled: period !== undefined && !inParts,
    retry: false,
  });
  const fieldError = (field: "from" | "to") =>
    "error" in draftRange && draftRange.field === field
      ? { "aria-invalid": true, "aria-describedby": "report-period-error" }
      : {};
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!("error" in draftRange)) setPicked(draft);
  };
  const filename = period
    ? spendExportFilename(organization, { start: new Date(period.start), end: new Date(period.end) })
    : "";
  return (
    <Page wide>
      <PageHeader>
        <h1>AI spend report</h1>
        <PageSubtitle>
          Spend by user, group, model and provider, from the deployment's CSV export. Days are UTC.
        </PageSubtitle>
      </PageHeader>
      <form className={reportFormClassName} onSubmit={apply} aria-label="Period">
        <label className={reportFieldClassName}>
          From
          <input
            type="date"
            className={reportInputClassName}
            value={draft.from}
            {...fieldError("from")}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          />
        </label>
        <label className={reportFieldClassName}>
          To
          <input
            type="date"
            className={reportInputClassName}
            value={draft.to}
            {...fieldError("to")}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          />
        </label>
        <Button type="submit" variant="primary" disabled={"error" in draftRange}>
          Show
        </Button>
        <span id="report-period-error" className={fieldErrorClassName} role="alert">
          {"error" in draftRange ? draftRange.error : ""}
        </span>
      </form>
      {inParts && period ? (
        <LongRangeReport
          key={`${period.start}-${period.end}`}
          organization={organization}
          period={period}
          filename={filename}
        />
      ) : report.error ? (
        isForbidden(report.error) &&
        (report.error as { response?: { data?: { message?: string } } }).response?.data?.message === FORBIDDEN ? (
          <p className="text-content-secondary">
            Only the organization's admins and auditors can see its spend report.
          </p>
        ) : (
          <ErrorAlert
            title="Could not load the spend export."
            error={report.error}
            // A retry while the export is read waits for it: never a second export of the same period.
            onRetry={() => void report.refetch({ cancelRefetch: false })}
          />
        )
      ) : !report.data ? (
        <Spinner label="Loading the spend export" />
      ) : (
        <SpendReportView
          key={`${period?.start}-${period?.end}`}
          source={report.data}
          filename={filename}
          usersPagedOnServer={features?.spendUsersReport === true}
        />
      )}
      {period && !inParts && features?.spendUsersReport && !report.error && (
        <UserSpendSection key={`users-${period.start}-${period.end}`} organization={organization} period={period} />
      )}
      {period && !inParts && report.data && (
        <ReportTrend
          key={`${period.start}/${period.end}`}
          organization={organization}
          period={period}
          source={report.data}
        />
      )}
    </Page>
  );
};

export default SpendReportPage;
