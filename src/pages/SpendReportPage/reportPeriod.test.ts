import { describe, expect, it } from "vitest";
import { earliestDay, exportRange, PERIOD_REVERSED } from "./reportPeriod";

const NOW = new Date("2026-11-16T05:24:00Z");

describe("the report's period", () => {
  it("takes any whole days from the retention window to this month's end, the last day included", () => {
    expect(exportRange({ from: "2026-11-01", to: "2026-11-30" }, NOW)).toEqual({
      start: "2026-11-01T00:00:00Z",
      end: "2026-12-01T00:00:00Z",
      days: 30,
    });
    expect(exportRange({ from: "2026-09-18", to: "2026-11-16" }, NOW)).toMatchObject({ days: 60 });
    expect(exportRange({ from: "2026-11-16", to: "2026-11-16" }, NOW)).toMatchObject({ days: 1 });
  });

  it("says which field is wrong, and why", () => {
    expect(exportRange({ from: "2026-11-10", to: "2026-11-09" }, NOW)).toEqual({ error: PERIOD_REVERSED, field: "to" });
    expect(exportRange({ from: "", to: "2026-11-09" }, NOW)).toEqual({ error: "Enter the first day.", field: "from" });
    expect(exportRange({ from: "2026-11-17", to: "2026-11-20" }, NOW)).toEqual({
      error: "The period must start today or earlier: later days have no spend yet.",
      field: "from",
    });
    expect(exportRange({ from: "2026-11-01", to: "2026-12-01" }, NOW)).toEqual({
      error: "The period must end by November 30, 2026: later days have no spend yet.",
      field: "to",
    });
    // 60 days back from 05:24 is September 17 at 05:24: its first whole day is the 18th.
    expect(exportRange({ from: "2026-09-17", to: "2026-10-01" }, NOW)).toEqual({
      error: "The deployment keeps AI spend for 60 days: start on September 18, 2026 or later.",
      field: "from",
    });
  });

  it("follows the deployment's window, and none at 0", () => {
    expect(exportRange({ from: "2026-08-01", to: "2026-11-16" }, NOW, 120)).toMatchObject({ days: 108 });
    expect(exportRange({ from: "2025-01-01", to: "2026-11-16" }, NOW, 0)).toMatchObject({ days: 685 });
    expect(earliestDay(new Date("2026-11-16T00:00:00Z"), 60)).toBe(Date.parse("2026-09-17T00:00:00Z"));
  });
});
