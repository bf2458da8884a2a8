// Spend by UTC day through a period, and this period against the last: the
// numbers behind the trend chart and its table. Pure and in integers (BigInt
// micros), so the stories and tests draw the same lines at a fixed time.
import { spendForecast } from "../../../core/domain/forecast";

const DAY_MS = 86_400_000;

export interface Span {
  /** RFC 3339, a UTC midnight. */
  start: string;
  end: string;
}

const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Each UTC day of [start, end) as `YYYY-MM-DD`. */
export function periodDays(period: Span): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(period.start); ms < Date.parse(period.end); ms += DAY_MS) days.push(dayOf(ms));
  return days;
}

/** The export's one-day period for a day. */
export const daySpan = (day: string): Span => {
  const start = Date.parse(`${day}T00:00:00Z`);
  return { start: rfc3339(start), end: rfc3339(start + DAY_MS) };
};

/** A day whose spend can still change: today or later (UTC). Past days' recorded spend never does. */
export const isOpenDay = (day: string, now: Date) => Date.parse(`${day}T00:00:00Z`) + DAY_MS > now.getTime();

export interface DayPoint {
  day: string;
  /** Spent that day; undefined for a day still to come. */
  spentMicros: bigint | undefined;
  /** Spent from the period's start through that day; undefined for a day still to come. */
  cumulativeMicros: bigint | undefined;
}

/** The period's days with their spend and running total, up to today. */
export function cumulativeSeries(period: Span, totals: ReadonlyMap<string, bigint>, now: Date): DayPoint[] {
  let running = 0n;
  return periodDays(period).map((day) => {
    if (Date.parse(`${day}T00:00:00Z`) > now.getTime())
      return { day, spentMicros: undefined, cumulativeMicros: undefined };
    const spent = totals.get(day) ?? 0n;
    running += spent;
    return { day, spentMicros: spent, cumulativeMicros: running };
  });
}

/** The period's end at the pace so far, when the forecast has one to give. */
export function projectedTotal(period: Span, spentMicros: bigint, limitMicros: bigint | null, now: Date) {
  return spendForecast({ spentMicros, limitMicros, periodStart: period.start, periodEnd: period.end, now });
}

/**
 * The same span of the previous period: for a calendar month, the previous
 * month's first days, as many as have begun in this one (capped at its
 * length); for any other range, the days just before it, as many.
 */
export function previousSpan(period: Span, now: Date): Span {
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  const begun = Math.min(end, Math.max(start, Math.ceil((now.getTime() - start) / DAY_MS) * DAY_MS + start));
  const days = Math.max(1, Math.round((begun - start) / DAY_MS));
  const from = new Date(start);
  const isMonth =
    from.getUTCDate() === 1 &&
    new Date(end).getUTCDate() === 1 &&
    end - start >= 28 * DAY_MS &&
    end - start <= 31 * DAY_MS;
  if (!isMonth) return { start: rfc3339(start - days * DAY_MS), end: rfc3339(start) };
  const previousStart = Date.UTC(from.getUTCFullYear(), from.getUTCMonth() - 1, 1);
  return { start: rfc3339(previousStart), end: rfc3339(Math.min(previousStart + days * DAY_MS, start)) };
}

/** This span's spend so far: [period start, the end of today), within the period. */
export function spanSoFar(period: Span, now: Date): Span {
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  const tomorrow = Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS;
  return { start: period.start, end: rfc3339(Math.max(start + DAY_MS, Math.min(end, tomorrow))) };
}

export interface PeriodChange {
  differenceMicros: bigint;
  /** Whole tenths of a percent of the previous amount; null when it was nothing. */
  percentTenths: bigint | null;
}

export function periodChange(currentMicros: bigint, previousMicros: bigint): PeriodChange {
  const differenceMicros = currentMicros - previousMicros;
  if (previousMicros === 0n) return { differenceMicros, percentTenths: null };
  // Rounded half away from zero, to a tenth of a percent.
  const scaled = differenceMicros * 2000n;
  const rounded = (scaled + (scaled < 0n ? -previousMicros : previousMicros)) / (2n * previousMicros);
  return { differenceMicros, percentTenths: rounded };
}

/** `+12.5%`, `−3.0%`, `0.0%`. */
export function formatPercentTenths(tenths: bigint): string {
  const sign = tenths > 0n ? "+" : tenths < 0n ? "−" : "";
  const abs = tenths < 0n ? -tenths : tenths;
  return `${sign}${abs / 10n}.${abs % 10n}%`;
}

/** A few requests at a time: the export is one request per day, and a month is up to 31 of them. */
export function limitConcurrency(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finished task hands its slot straight to the next one waiting, so none can slip in between.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
