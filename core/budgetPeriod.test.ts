// The budget period is the UTC calendar month, wherever the admin's browser
// or the server runs. Each case runs in time zones far from UTC, on both
// sides, where a local-time calendar month starts on a different day.
import { afterEach, describe, expect, it } from "vitest";
import { budgetPeriod, formatPeriod, formatResetDay } from "./budgetPeriod";

const ZONES = [
  ["Pacific/Kiritimati", -14 * 60], // UTC+14
  ["America/Adak", 10 * 60], // UTC−10 (−9 in summer)
  ["UTC", 0],
] as const;

const savedZone = process.env.TZ;
afterEach(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

const CASES = [
  // An instant, and the UTC month it belongs to.
  ["2026-11-30T12:00:00.000Z", "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"],
  ["2026-12-01T05:00:00.000Z", "2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
  ["2026-12-31T23:59:59.999Z", "2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
  ["2027-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z", "2027-02-01T00:00:00.000Z"],
  ["2028-02-29T20:00:00.000Z", "2028-02-01T00:00:00.000Z", "2028-03-01T00:00:00.000Z"],
  ["2026-03-01T00:30:00.000Z", "2026-03-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"],
] as const;

/**
 * Whether this process can be moved to `zone` now. A forked test process can
 * (npm test); Stryker's worker threads keep the zone they started in, so
 * `npm run mutation` starts in Pacific/Kiritimati and tests that one.
 */
function canRunIn(zone: string, winterOffsetMinutes: number): boolean {
  const before = process.env.TZ;
  process.env.TZ = zone;
  const applies = new Date("2026-01-15T12:00:00Z").getTimezoneOffset() === winterOffsetMinutes;
  if (before === undefined) delete process.env.TZ;
  else process.env.TZ = before;
  return applies;
}
const runnable = ZONES.filter(([zone, offset]) => canRunIn(zone, offset));

it("runs in at least one time zone far from UTC", () => {
  expect(runnable.map(([zone]) => zone)).toEqual(expect.arrayContaining([expect.stringMatching(/Kiritimati|Adak/)]));
});

describe.each(runnable)("in time zone %s", (zone) => {
  it.each(CASES)("at %s the period is the UTC month %s to %s", (now, start, end) => {
    process.env.TZ = zone;
    const period = budgetPeriod(new Date(now));
    expect(period.start.toISOString()).toBe(start);
    expect(period.end.toISOString()).toBe(end);
  });

  it("names the period and the reset day by their UTC dates", () => {
    process.env.TZ = zone;
    expect(formatPeriod("2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z")).toBe("November 1 – December 1, 2026");
    expect(formatPeriod("2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z")).toBe("December 1 – January 1, 2027");
    expect(formatResetDay("2026-12-01T00:00:00.000Z")).toBe("December 1");
  });
});

it("without an argument, is the UTC month of now", () => {
  const before = Date.now();
  const { start, end } = budgetPeriod();
  const after = Date.now();
  expect(start.getTime()).toBeLessThanOrEqual(before);
  expect(end.getTime()).toBeGreaterThan(after);
  expect(start.getUTCDate()).toBe(1);
  expect(start.getUTCHours()).toBe(0);
  expect(end.getUTCDate()).toBe(1);
  expect((end.getUTCMonth() - start.getUTCMonth() + 12) % 12).toBe(1);
});
