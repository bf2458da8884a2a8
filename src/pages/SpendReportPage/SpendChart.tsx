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
    <figure className="spend-chart">
      <figcaption>{title}</figcaption>
      <ul aria-label={title}>
        {shown.map((line) => (
          <li key={line.key}>
            <span className="spend-chart-label">{line.label}</span>
            <span className="spend-chart-bar" aria-hidden="true">
              <span
                style={{ width: `${largest === 0n ? 0 : Math.max(1, percentSpent(line.cost_micros, largest))}%` }}
              />
            </span>
            <span className="spend-chart-amount" title={formatMicrosAsUSD(line.cost_micros)}>
              {formatMicrosAsUSDCents(line.cost_micros)}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
};
