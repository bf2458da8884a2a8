import { describe, expect, it } from "vitest";
import {
  cumulativeSeries,
  formatPercentTenths,
  limitConcurrency,
  periodChange,
  periodDays,
  previousSpan,
} from "./dailySpend";

const december = { start: "2026-12-01T00:00:00Z", end: "2027-01-01T00:00:00Z" };

describe("spend by day", () => {
  it("lists the period's UTC days and runs the total up to today only", () => {
    expect(periodDays(december)).toHaveLength(31);
    const series = cumulativeSeries(
      december,
      new Map([
        ["2026-12-01", 1_500_000n],
        ["2026-12-03", 250_000n],
      ]),
      new Date("2026-12-03T12:00:00Z"),
    );
    expect(series.slice(0, 4).map((p) => [p.day, p.spentMicros, p.cumulativeMicros])).toEqual([
      ["2026-12-01", 1_500_000n, 1_500_000n],
      ["2026-12-02", 0n, 1_500_000n],
      ["2026-12-03", 250_000n, 1_750_000n],
      ["2026-12-04", undefined, undefined],
    ]);
  });

  it("compares with the same days of the previous month, or the days before any other range", () => {
    expect(previousSpan(december, new Date("2026-12-05T03:00:00Z"))).toEqual({
      start: "2026-11-01T00:00:00Z",
      end: "2026-11-06T00:00:00Z",
    });
    // March 31 has no February match: the whole of February.
    expect(
      previousSpan({ start: "2026-03-01T00:00:00Z", end: "2026-04-01T00:00:00Z" }, new Date("2026-03-31T08:00:00Z")),
    ).toEqual({ start: "2026-02-01T00:00:00Z", end: "2026-03-01T00:00:00Z" });
    expect(
      previousSpan({ start: "2026-11-10T00:00:00Z", end: "2026-11-20T00:00:00Z" }, new Date("2026-12-05T00:00:00Z")),
    ).toEqual({ start: "2026-10-31T00:00:00Z", end: "2026-11-10T00:00:00Z" });
  });

  it("says the change in dollars and in tenths of a percent, none against nothing", () => {
    expect(periodChange(1_234_000_000n, 1_000_000_000n)).toEqual({
      differenceMicros: 234_000_000n,
      percentTenths: 234n,
    });
    expect(formatPercentTenths(periodChange(2n, 3n).percentTenths!)).toBe("−33.3%");
    expect(formatPercentTenths(0n)).toBe("0.0%");
    expect(periodChange(5n, 0n).percentTenths).toBeNull();
  });

  it("never runs more than the limit at once, and runs every task", async () => {
    const slot = limitConcurrency(4);
    let running = 0;
    let most = 0;
    const done = await Promise.all(
      Array.from({ length: 31 }, (_, i) =>
        slot(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, (i % 3) * 2));
          running--;
          return i;
        }),
      ),
    );
    expect(most).toBe(4);
    expect(done).toEqual(Array.from({ length: 31 }, (_, i) => i));
  });
});
