import type { FC } from "react";
import type { ReportLine } from "../../../core/domain/spendReport";
import { formatMicrosAsUSD, formatMicrosAsUSDCents, percentSpent } from "../../../core/currency";

/**
 * The largest lines as horizontal bars, each labelled with its amount, so the
 * chart reads without colour or hover; the tables below hold every line.
 */
export const SpendChart: FC<{ title: string; lines: ReportLine[]; limit?: number }> = ({ title, lines, limit = 8 }) => {
  const shown = lines.slice(0, limit);
  const largest = shown[0]?.cost_micros ?? 0n;
  return (
    <figure className="m-0">
      <figcaption className="mb-2 font-semibold">{title}</figcaption>
      <ul aria-label={title} className="m-0 flex list-none flex-col gap-[0.3rem] p-0">
        {shown.map((line) => (
          <li key={line.key} className="grid grid-cols-[8rem_1fr_max-content] items-center gap-2">
            <span className="truncate">{line.label}</span>
            <span className="block h-[0.6rem] overflow-hidden rounded-full bg-meter-track" aria-hidden="true">
              <span
                className="block h-full bg-content-link"
                style={{ width: `${largest === 0n ? 0 : Math.max(1, percentSpent(line.cost_micros, largest))}%` }}
              />
            </span>
            <span title={formatMicrosAsUSD(line.cost_micros)}>{formatMicrosAsUSDCents(line.cost_micros)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
};
