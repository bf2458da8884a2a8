import type { FC } from "react";
import { formatMicrosAsUSD } from "../../../core/currency";
import { formatPercentTenths, periodChange } from "./dailySpend";

const signed = (micros: bigint) =>
  micros < 0n ? `−${formatMicrosAsUSD(-micros)}` : `${micros > 0n ? "+" : ""}${formatMicrosAsUSD(micros)}`;

/**
 * A total against the same span of the previous period: the amount and the
 * change in dollars and percent (none when the previous span had no spend).
 */
export const PeriodComparison: FC<{
  label: string;
  currentMicros: bigint;
  /** undefined while the previous span loads; null when it could not be read. */
  previousMicros: bigint | undefined | null;
  previousLabel: string;
}> = ({ label, currentMicros, previousMicros, previousLabel }) => {
  const change = previousMicros == null ? undefined : periodChange(currentMicros, previousMicros);
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1">
      <div>
        <dt className="text-sm text-content-secondary">{label}</dt>
        <dd className="m-0 text-lg font-semibold">{formatMicrosAsUSD(currentMicros)}</dd>
      </div>
      <div>
        <dt className="text-sm text-content-secondary">{previousLabel}</dt>
        <dd className="m-0">
          {previousMicros === null ? (
            "Not available"
          ) : previousMicros === undefined || change === undefined ? (
            "Loading…"
          ) : (
            <>
              {formatMicrosAsUSD(previousMicros)}{" "}
              <span className="text-content-secondary">
                ({signed(change.differenceMicros)}
                {change.percentTenths === null ? "" : `, ${formatPercentTenths(change.percentTenths)}`})
              </span>
            </>
          )}
        </dd>
      </div>
    </dl>
  );
};
