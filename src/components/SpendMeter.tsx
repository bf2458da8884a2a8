import type { FC } from "react";
import { formatMicrosAsUSD, percentSpent, spendStatus, type SpendStatus } from "../utils/currency";

const STATUS_WORDS: Record<SpendStatus, string> = {
  unlimited: "",
  normal: "",
  warning: "Near the limit",
  exceeded: "Over the limit",
};

/** "$870.00 / $1,000.00" with a bar; the state is said in words, not by colour alone. */
export const SpendMeter: FC<{ spentMicros: number; limitMicros: number | bigint | null; label: string }> = ({
  spentMicros,
  limitMicros,
  label,
}) => {
  const status = spendStatus(spentMicros, limitMicros);
  const spent = formatMicrosAsUSD(spentMicros);
  const limit = limitMicros === null ? "Unlimited" : formatMicrosAsUSD(limitMicros);
  const percent = limitMicros === null ? 0 : Math.min(100, percentSpent(spentMicros, limitMicros));
  return (
    <div className={`spend spend-${status}`}>
      <span className="spend-text">
        {spent} / {limit}
      </span>
      {limitMicros !== null && (
        <span
          className="spend-bar"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${spent} of ${limit} (${percentSpent(spentMicros, limitMicros)}%)${STATUS_WORDS[status] ? `, ${STATUS_WORDS[status].toLowerCase()}` : ""}`}
        >
          <span className="spend-bar-fill" style={{ width: `${percent}%` }} />
        </span>
      )}
      {STATUS_WORDS[status] && <span className="spend-status">{STATUS_WORDS[status]}</span>}
    </div>
  );
};
