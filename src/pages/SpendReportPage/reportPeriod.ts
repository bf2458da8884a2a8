// The report's period as the admin picks it: whole UTC days, "To" included.
// Coder's export gives at most 31 days a request; a longer period is asked in
// parts (core/domain/spendReportParts.ts), back as far as the deployment keeps
// AI spend (its retention window) and no later than this month.
import { budgetPeriod } from "../../../core/budgetPeriod";
import { DEFAULT_AI_RETENTION_DAYS } from "../../../core/domain/spendQuery";

const DAY_MS = 86_400_000;
/** Days one export request may cover (Coder's limit); longer periods are asked in parts. */
export const MAX_REPORT_DAYS = 31;
export const PERIOD_REVERSED = "The period must end on or after the day it starts.";

export interface PickedDays {
  from: string;
  to: string;
}

/** Which field a message belongs to. */
export type PeriodField = "from" | "to";

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const longDay = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** This UTC month, the first day to the last. */
export function thisMonth(now: Date): PickedDays {
  const { start, end } = budgetPeriod(now);
  return { from: dayOf(start), to: dayOf(new Date(end.getTime() - DAY_MS)) };
}

/** The first whole UTC day the retention window still holds (0 days: no window). */
export function earliestDay(now: Date, retentionDays: number): number | undefined {
  if (retentionDays <= 0) return undefined;
  return Math.ceil((now.getTime() - retentionDays * DAY_MS) / DAY_MS) * DAY_MS;
}

export type PeriodCheck = { start: string; end: string; days: number } | { error: string; field: PeriodField };

/**
 * The export's [period_start, period_end) for the picked days, or why there is
 * none and which field says it: both days, in order, starting by today, ending
 * by this month's last day, and not before the retention window.
 */
export function exportRange(
  days: PickedDays,
  now: Date,
  retentionDays: number = DEFAULT_AI_RETENTION_DAYS,
): PeriodCheck {
  const from = Date.parse(`${days.from}T00:00:00Z`);
  const to = Date.parse(`${days.to}T00:00:00Z`);
  if (Number.isNaN(from)) return { error: "Enter the first day.", field: "from" };
  if (Number.isNaN(to)) return { error: "Enter the last day.", field: "to" };
  if (to < from) return { error: PERIOD_REVERSED, field: "to" };
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  if (from > today) {
    return { error: "The period must start today or earlier: later days have no spend yet.", field: "from" };
  }
  const lastDay = budgetPeriod(now).end.getTime() - DAY_MS;
  if (to > lastDay) {
    return {
      error: `The period must end by ${longDay.format(lastDay)}: later days have no spend yet.`,
      field: "to",
    };
  }
  const earliest = earliestDay(now, retentionDays);
  if (earliest !== undefined && from < earliest) {
    return {
      error: `The deployment keeps AI spend for ${retentionDays} days: start on ${longDay.format(earliest)} or later.`,
      field: "from",
    };
  }
  const end = to + DAY_MS;
  const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
  return { start: rfc3339(from), end: rfc3339(end), days: Math.round((end - from) / DAY_MS) };
}
