import type { FC } from "react";
import { formatMicrosAsUSD, percentSpent, spendStatus, type SpendStatus } from "../../../core/currency";
import { Badge } from "./Badge";
import { cx } from "./cx";

const FILL: Record<SpendStatus, string> = {
  unlimited: "bg-content-success",
  normal: "bg-content-success",
  warning: "bg-content-warning",
  exceeded: "bg-content-error",
};

/** Amounts in a column line up: the same width for every digit. */
export const spendTextClassName = "whitespace-nowrap tabular-nums";

const STATUS_WORDS: Record<SpendStatus, string> = {
  unlimited: "",
  normal: "",
  warning: "Near the limit",
  exceeded: "Over the limit",
};

interface SpendMeterProps {
  spentMicros: number;
  limitMicros: number | bigint | null;
  /** The meter's accessible name, such as "AI spend of bob". */
  label: string;
  /**
   * `slash`: "$870.00 / $1,000.00", for a group's total; `of`: "$870.00 of
   * $1,000.00 · 87 %", for a member's row. Without a limit both say "/ Unlimited".
   */
  format?: "slash" | "of";
}

/** Spend against a limit on one line with a bar under it; the state is said in a badge, not by colour alone. */
export const SpendMeter: FC<SpendMeterProps> = ({ spentMicros, limitMicros, label, format = "slash" }) => {
  const status = spendStatus(spentMicros, limitMicros);
  const spent = formatMicrosAsUSD(spentMicros);
  const limit = limitMicros === null ? "Unlimited" : formatMicrosAsUSD(limitMicros);
  const exactPercent = limitMicros === null ? 0 : percentSpent(spentMicros, limitMicros);
  const percent = Math.min(100, exactPercent);
  const words = STATUS_WORDS[status];
  return (
    <div className="flex min-w-[9rem] max-w-[22rem] flex-col gap-1">
      <span className="flex flex-wrap items-baseline gap-x-2 gap-y-0">
        {format === "of" && limitMicros !== null ? (
          <>
            <span className={spendTextClassName}>
              {spent} of {limit}
            </span>
            <span className="whitespace-nowrap text-content-secondary tabular-nums">· {exactPercent} %</span>
          </>
        ) : (
          <span className={spendTextClassName}>
            {spent} / {limit}
          </span>
        )}
      </span>
      {limitMicros !== null && (
        <span
          className="block h-[0.375rem] overflow-hidden rounded-full bg-meter-track"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${spent} of ${limit} (${exactPercent}%)${words ? `, ${words.toLowerCase()}` : ""}`}
        >
          <span className={cx("block h-full", FILL[status])} style={{ width: `${percent}%` }} />
        </span>
      )}
      {words && <Badge variant={status === "exceeded" ? "error" : "warning"}>{words}</Badge>}
    </div>
  );
};
