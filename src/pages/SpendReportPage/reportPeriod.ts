// The report's period as the admin picks it: whole UTC days, "To" included,
// at most 31 days, as Coder's export allows.
import { budgetPeriod } from "../../../core/budgetPeriod";

const DAY_MS = 86_400_000;
export const MAX_REPORT_DAYS = 31;
export const PERIOD_TOO_LONG = `Choose a period of at most ${MAX_REPORT_DAYS} days.`;
export const PERIOD_REVERSED = "The period must end on or after the day it starts.";

export interface PickedDays {
  from: string;
  to: string;
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** This UTC month, the first day to the last. */
export function thisMonth(now: Date): PickedDays {
  const { start, end } = budgetPeriod(now);
  return { from: dayOf(start), to: dayOf(new Date(end.getTime() - DAY_MS)) };
}

/** The export's [period_start, period_end) for the picked days, or why there is none. */
export function exportRange(days: PickedDays): { start: string; end: string } | { error: string } {
  const from = Date.parse(`${days.from}T00:00:00Z`);
  const to = Date.parse(`${days.to}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to)) return { error: "Enter both days." };
  if (to < from) return { error: PERIOD_REVERSED };
  const end = to + DAY_MS;
  if (end - from > MAX_REPORT_DAYS * DAY_MS) return { error: PERIOD_TOO_LONG };
  const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
  return { start: rfc3339(from), end: rfc3339(end) };
}
