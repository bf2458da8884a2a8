// Where this period's spend is heading, from what a spend answer already says
// (the spend so far, the period's start and end): a straight line through
// the spend so far, not a promise. Pure, so the browser, the tests and the
// stories all draw the same line at a fixed time.
import { scaleMicrosToCents } from "../currency";

const DAY_MS = 86_400_000;

/** In the period's first days the line says more about one busy morning than about the month. */
export const FORECAST_HIDDEN_DAYS = 3;

export const FORECAST_EXPLANATION =
  "A straight line from this period's spend so far to the end of the period, not a promise: spend can speed up or slow down.";

export interface SpendForecast {
  /** Spend at the period's end at the pace so far, to the cent. */
  projectedMicros: bigint;
  /**
   * When the pace reaches the limit, if it does before the period ends and
   * has not already; null otherwise (no limit, already reached, under pace).
   */
  reachesLimitAt: Date | null;
  /** Spend already at or past the limit (Coder blocks at spend ≥ limit). */
  limitReached: boolean;
}

export interface ForecastInput {
  spentMicros: number | bigint;
  /** The limit that governs this spend; null for none (unlimited). */
  limitMicros: number | bigint | null;
  periodStart: string;
  periodEnd: string;
  now: Date;
}

/**
 * The forecast at `now`, or null when there is none to give: outside the
 * period, in its first FORECAST_HIDDEN_DAYS days, or for a period the answer
 * did not describe.
 */
export function spendForecast({
  spentMicros,
  limitMicros,
  periodStart,
  periodEnd,
  now,
}: ForecastInput): SpendForecast | null {
  const start = Date.parse(periodStart);
  const end = Date.parse(periodEnd);
  const at = now.getTime();
  if (!Number.isFinite(start) || !Number.isFinite(end) || !Number.isFinite(at) || end <= start) return null;
  if (at < start + FORECAST_HIDDEN_DAYS * DAY_MS || at >= end) return null;
  const spent = BigInt(spentMicros);
  const elapsed = BigInt(at - start);
  const length = BigInt(end - start);
  const projectedMicros = scaleMicrosToCents(spent, length, elapsed);
  const limit = limitMicros === null ? null : BigInt(limitMicros);
  const limitReached = limit !== null && spent >= limit;
  let reachesLimitAt: Date | null = null;
  // The pace reaches the limit before the reset when spent / elapsed × length
  // > limit; compared exactly (the projection above is rounded to the cent).
  // Reaching it at the very end blocks nobody: the period resets then.
  if (limit !== null && !limitReached && spent * length > limit * elapsed) {
    // The moment the line meets the limit: start + limit × elapsed / spent, rounded up.
    const offset = (limit * elapsed + spent - 1n) / spent;
    reachesLimitAt = new Date(start + Number(offset));
  }
  return { projectedMicros, reachesLimitAt, limitReached };
}
