import type { FC } from "react";
import { formatMicrosAsUSD } from "../../../core/currency";
import type { DayPoint } from "./dailySpend";

const [WIDTH, HEIGHT] = [640, 220];
const [LEFT, RIGHT, TOP, BOTTOM] = [64, 12, 12, 28];
const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const labelOf = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

interface Props {
  points: readonly DayPoint[];
  limitMicros: bigint | null;
  /** The period's end at the pace so far; null when there is no forecast. */
  projectedMicros: bigint | null;
  /** What the chart says, for those who cannot see it. */
  summary: string;
}

/**
 * Cumulative spend through the period as a line, the limit as a dashed line
 * and the pace so far carried to the period's end as a dotted one. Plain SVG:
 * three lines need no chart library. The table beside it holds the numbers.
 */
export const SpendTrendChart: FC<Props> = ({ points, limitMicros, projectedMicros, summary }) => {
  const shown = points.filter((p) => p.cumulativeMicros !== undefined);
  const last = shown.at(-1)?.cumulativeMicros ?? 0n;
  const top = [last, limitMicros ?? 0n, projectedMicros ?? 0n, 1_000_000n].reduce((a, b) => (b > a ? b : a));
  // Geometry only: a pixel position, never an amount shown.
  const y = (micros: bigint) => TOP + (HEIGHT - TOP - BOTTOM) * (1 - Number(micros) / Number(top));
  const x = (position: number) => LEFT + ((WIDTH - LEFT - RIGHT) * position) / Math.max(1, points.length);
  const line = [`M${x(0)},${y(0n)}`, ...shown.map((p, i) => `L${x(i + 1)},${y(p.cumulativeMicros!)}`)].join(" ");
  const first = points[0]?.day;
  const final = points.at(-1)?.day;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={summary}
      className="block h-auto w-full max-w-full text-content-secondary"
    >
      <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(0n)} y2={y(0n)} className="stroke-border-default" />
      <text x={LEFT - 6} y={y(0n)} textAnchor="end" dominantBaseline="middle" className="fill-current text-xs">
        $0
      </text>
      <text x={LEFT - 6} y={TOP + 4} textAnchor="end" dominantBaseline="middle" className="fill-current text-xs">
        {formatMicrosAsUSD(top).replace(/\.\d\d$/, "")}
      </text>
      {first && (
        <text x={x(0)} y={HEIGHT - 8} className="fill-current text-xs">
          {labelOf(first)}
        </text>
      )}
      {final && (
        <text x={x(points.length)} y={HEIGHT - 8} textAnchor="end" className="fill-current text-xs">
          {labelOf(final)}
        </text>
      )}
      {limitMicros !== null && (
        <g className="text-content-error">
          <line
            x1={LEFT}
            x2={WIDTH - RIGHT}
            y1={y(limitMicros)}
            y2={y(limitMicros)}
            className="stroke-current"
            strokeDasharray="6 4"
          />
          <text x={LEFT + 4} y={y(limitMicros) - 4} className="fill-current text-xs">
            Limit {formatMicrosAsUSD(limitMicros)}
          </text>
        </g>
      )}
      {projectedMicros !== null && shown.length > 0 && (
        <line
          x1={x(shown.length)}
          y1={y(last)}
          x2={x(points.length)}
          y2={y(projectedMicros)}
          className="stroke-content-warning"
          strokeWidth={2}
          strokeDasharray="2 4"
        />
      )}
      <path d={line} fill="none" className="stroke-content-link" strokeWidth={2.5} />
    </svg>
  );
};
