import { useEffect, useRef, type FC } from "react";
import { getErrorMessage } from "../../api/errors";
import { Button } from "../../components/ui/Button";
import { Callout } from "../../components/ui/Callout";
import type { ReportPart } from "./useReportParts";

const DAY_MS = 86_400_000;
const monthDay = new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", timeZone: "UTC" });

/** A part's days as the admin picked them: "October 1 – October 31" ("To" included). */
export const partDays = (part: Pick<ReportPart, "span">) =>
  `${monthDay.format(Date.parse(part.span.start))} – ${monthDay.format(Date.parse(part.span.end) - DAY_MS)}`;

const parts = (count: number) => `${count} ${count === 1 ? "part" : "parts"}`;

interface ReportPartsProgressProps {
  parts: readonly ReportPart[];
  onCancel: () => void;
  /** Asks again for the parts that failed or were cancelled; those that arrived are kept. */
  onRetry: () => void;
}

/**
 * A long period's export, asked in parts: how many have arrived, with Cancel
 * while any is under way; afterwards, which failed and why, or that loading
 * was stopped, with Retry for exactly the parts missing.
 */
export const ReportPartsProgress: FC<ReportPartsProgressProps> = ({ parts: all, onCancel, onRetry }) => {
  const total = all.length;
  const arrived = all.filter((part) => part.status === "done").length;
  const failed = all.filter((part) => part.status === "failed");
  const underWay = all.some((part) => part.status === "waiting" || part.status === "loading");
  if (underWay) {
    return (
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <div
          role="progressbar"
          aria-label="Loading the spend export"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={arrived}
          aria-valuetext={`${arrived} of ${parts(total)}`}
          className="h-2 w-full max-w-md overflow-hidden rounded-full border border-border-default bg-surface-secondary"
        >
          <div
            className="h-full bg-content-link transition-[width]"
            style={{ width: `${total === 0 ? 0 : (arrived * 100) / total}%` }}
          />
        </div>
        <p className="m-0 text-sm text-content-secondary">
          Loading the spend export: {arrived} of {parts(total)} (at most 31 days each)
        </p>
        <Button size="small" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    );
  }
  if (failed.length > 0) {
    return (
      <Callout
        severity="error"
        role="alert"
        title={`Could not load ${failed.length} of ${parts(total)} of the spend export.`}
        actions={<Button onClick={onRetry}>Retry</Button>}
      >
        <ul className="m-0 pl-5">
          {failed.map((part) => (
            <li key={part.span.start}>
              {partDays(part)}: {getErrorMessage(part.error, "The request did not complete.")}
            </li>
          ))}
        </ul>
        <p>
          {arrived === 0
            ? "No part has arrived yet."
            : `The ${parts(arrived)} that arrived ${arrived === 1 ? "is" : "are"} kept: Retry asks only for the rest.`}
        </p>
      </Callout>
    );
  }
  if (arrived < total) return <Stopped arrived={arrived} total={total} onContinue={onRetry} />;
  return null;
};

/** After Cancel: what is kept, and Continue, which takes the focus the gone Cancel button had. */
const Stopped: FC<{ arrived: number; total: number; onContinue: () => void }> = ({ arrived, total, onContinue }) => {
  const resume = useRef<HTMLButtonElement>(null);
  useEffect(() => resume.current?.focus(), []);
  return (
    <Callout
      severity="info"
      role="status"
      title="Loading stopped."
      actions={
        <Button ref={resume} onClick={onContinue}>
          Continue loading
        </Button>
      }
    >
      <p>
        {arrived} of {parts(total)} arrived and {arrived === 1 ? "is" : "are"} kept. The report shows once every part is
        in.
      </p>
    </Callout>
  );
};
