import type { FC } from "react";
import { FORECAST_EXPLANATION, spendForecast } from "../../core/domain/forecast";
import { useClock } from "../utils/clock";
import { formatMicrosAsUSD } from "../../core/currency";
import { Tooltip } from "./ui/Tooltip";

// The user's own calendar day: "around November 26" is read on their clock.
const localDay = new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric" });

export const formatLimitDay = (date: Date): string => localDay.format(date);

interface ForecastNoteProps {
  spentMicros: number | bigint;
  limitMicros: number | bigint | null;
  periodStart: string;
  periodEnd: string;
}

/**
 * "On pace for $1,200.00 this month", and "Reaches the limit around
 * November 26" when the pace crosses the limit before the reset; nothing in
 * the period's first days, or once the limit is reached (the meter says so).
 * The tooltip says what the line is.
 */
export const ForecastNote: FC<ForecastNoteProps> = ({ spentMicros, limitMicros, periodStart, periodEnd }) => {
  const now = useClock()();
  const forecast = spendForecast({ spentMicros, limitMicros, periodStart, periodEnd, now });
  if (!forecast || forecast.limitReached) return null;
  return (
    <span className="flex flex-col text-[0.8125rem] text-content-secondary">
      <Tooltip content={FORECAST_EXPLANATION}>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the tooltip must be reachable from the keyboard. */}
        <span className="w-fit cursor-help underline decoration-dotted" tabIndex={0}>
          On pace for {formatMicrosAsUSD(forecast.projectedMicros)} this month
        </span>
      </Tooltip>
      {forecast.reachesLimitAt && (
        <span className="font-semibold text-content-warning">
          Reaches the limit around {formatLimitDay(forecast.reachesLimitAt)}
        </span>
      )}
    </span>
  );
};
