// Budgets apply per UTC calendar month.

export interface BudgetPeriod {
  start: Date;
  end: Date;
}

export function budgetPeriod(now: Date = new Date()): BudgetPeriod {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}

/** Coder's period strings: RFC 3339 in UTC without fractions (`2026-11-01T00:00:00Z`). */
export const periodWindow = (period: BudgetPeriod) => ({
  period_start: period.start.toISOString().replace(/\.\d{3}Z$/, "Z"),
  period_end: period.end.toISOString().replace(/\.\d{3}Z$/, "Z"),
});

const monthDay = new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", timeZone: "UTC" });
const monthDayYear = new Intl.DateTimeFormat("en-US", {
  month: "long",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

/** "November 1 – December 1, 2026" */
export function formatPeriod(startIso: string, endIso: string): string {
  return `${monthDay.format(new Date(startIso))} – ${monthDayYear.format(new Date(endIso))}`;
}

/** "December 1" */
export const formatResetDay = (endIso: string): string => monthDay.format(new Date(endIso));
