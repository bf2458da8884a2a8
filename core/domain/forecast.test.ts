import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORECAST_HIDDEN_DAYS, spendForecast } from "./forecast";

const USD = 1_000_000;
const period = { periodStart: "2026-11-01T00:00:00.000Z", periodEnd: "2026-12-01T00:00:00.000Z" };
const at = (iso: string) => new Date(iso);
const forecast = (spent: number, limit: number | null, now: string) =>
  spendForecast({ spentMicros: spent, limitMicros: limit, ...period, now: at(now) });

describe("the forecast", () => {
  it("draws a straight line from the spend so far to the period's end", () => {
    // Half of a 30-day month gone, $600 spent: on pace for $1,200.
    expect(forecast(600 * USD, 1_000 * USD, "2026-11-16T00:00:00.000Z")).toEqual({
      projectedMicros: 1_200_000_000n,
      // $1,000 at $40 a day: 25 days in.
      reachesLimitAt: at("2026-11-26T00:00:00.000Z"),
      limitReached: false,
    });
  });

  it("says nothing of the limit when the pace stays under it, or there is none", () => {
    expect(forecast(400 * USD, 1_000 * USD, "2026-11-16T00:00:00.000Z")).toEqual({
      projectedMicros: 800_000_000n,
      reachesLimitAt: null,
      limitReached: false,
    });
    expect(forecast(400 * USD, null, "2026-11-16T00:00:00.000Z")?.reachesLimitAt).toBeNull();
    expect(forecast(0, 1_000 * USD, "2026-11-16T00:00:00.000Z")).toEqual({
      projectedMicros: 0n,
      reachesLimitAt: null,
      limitReached: false,
    });
  });

  it("does not warn of a limit the pace meets only as the period resets", () => {
    expect(forecast(500 * USD, 1_000 * USD, "2026-11-16T00:00:00.000Z")).toMatchObject({
      projectedMicros: 1_000_000_000n,
      reachesLimitAt: null,
    });
    expect(forecast(500 * USD + 1, 1_000 * USD, "2026-11-16T00:00:00.000Z")?.reachesLimitAt).not.toBeNull();
  });

  it("marks a limit already reached, as Coder blocks it (spend ≥ limit; $0 blocks everything)", () => {
    expect(forecast(1_000 * USD, 1_000 * USD, "2026-11-16T00:00:00.000Z")).toMatchObject({
      limitReached: true,
      reachesLimitAt: null,
    });
    expect(forecast(0, 0, "2026-11-16T00:00:00.000Z")).toMatchObject({ limitReached: true, reachesLimitAt: null });
  });

  it("rounds the projection to the cent, half up", () => {
    // 0.5 cent a day for 30 days is 15 cents; 1 micro for two weeks is nothing worth showing.
    expect(forecast(5_000 * 15, null, "2026-11-16T00:00:00.000Z")?.projectedMicros).toBe(150_000n);
    expect(forecast(1, null, "2026-11-16T00:00:00.000Z")?.projectedMicros).toBe(0n);
    expect(forecast(2_500, null, "2026-11-16T00:00:00.000Z")?.projectedMicros).toBe(10_000n);
  });

  it("is hidden in the period's first days and outside the period", () => {
    expect(FORECAST_HIDDEN_DAYS).toBe(3);
    expect(forecast(90 * USD, 100 * USD, "2026-11-03T23:59:59.999Z")).toBeNull();
    expect(forecast(90 * USD, 100 * USD, "2026-11-04T00:00:00.000Z")).not.toBeNull();
    expect(forecast(90 * USD, 100 * USD, "2026-10-31T12:00:00.000Z")).toBeNull();
    expect(forecast(90 * USD, 100 * USD, "2026-12-01T00:00:00.000Z")).toBeNull();
    expect(
      spendForecast({
        spentMicros: 1,
        limitMicros: null,
        periodStart: "",
        periodEnd: "",
        now: at("2026-11-16T00:00:00.000Z"),
      }),
    ).toBeNull();
  });

  it("keeps exact amounts past 2^53 micros", () => {
    const spent = 9_000_000_000_000_000n; // $9 billion
    expect(
      spendForecast({ spentMicros: spent, limitMicros: null, ...period, now: at("2026-11-16T00:00:00.000Z") })
        ?.projectedMicros,
    ).toBe(18_000_000_000_000_000n);
  });

  const start = Date.parse(period.periodStart);
  const end = Date.parse(period.periodEnd);
  const cases = fc.record({
    spent: fc.bigInt({ min: 0n, max: 10n ** 15n }),
    limit: fc.option(fc.bigInt({ min: 0n, max: 10n ** 13n }), { nil: null }),
    now: fc.integer({ min: start + FORECAST_HIDDEN_DAYS * 86_400_000, max: end - 1 }),
  });

  it("meets the limit, when it does, after now and before the reset, exactly where the line crosses it", () => {
    fc.assert(
      fc.property(cases, ({ spent, limit, now }) => {
        const result = spendForecast({ spentMicros: spent, limitMicros: limit, ...period, now: new Date(now) })!;
        const elapsed = BigInt(now - start);
        const length = BigInt(end - start);
        const crosses = limit !== null && spent < limit && spent * length > limit * elapsed;
        expect(result.reachesLimitAt !== null).toBe(crosses);
        expect(result.limitReached).toBe(limit !== null && spent >= limit);
        if (result.reachesLimitAt) {
          const t = result.reachesLimitAt.getTime();
          expect(t).toBeGreaterThan(now);
          expect(t).toBeLessThan(end);
          // On the line, the spend at t reaches the limit; a millisecond earlier it does not.
          expect(spent * BigInt(t - start) >= limit! * elapsed).toBe(true);
          expect(spent * BigInt(t - 1 - start) < limit! * elapsed).toBe(true);
        }
      }),
    );
  });

  it("projects at least the spend so far, within half a cent of the exact line, and more spend never projects less", () => {
    fc.assert(
      fc.property(cases, fc.bigInt({ min: 0n, max: 10n ** 9n }), ({ spent, now }, more) => {
        const project = (s: bigint) =>
          spendForecast({ spentMicros: s, limitMicros: null, ...period, now: new Date(now) })!.projectedMicros;
        const exact = (spent * BigInt(end - start) * 2n) / BigInt(now - start); // twice the line, in micros
        expect(project(spent) % 10_000n).toBe(0n);
        expect(project(spent) * 2n - exact <= 10_000n && exact - project(spent) * 2n <= 10_000n + 1n).toBe(true);
        expect(project(spent) + 5_000n >= spent).toBe(true);
        expect(project(spent + more) >= project(spent)).toBe(true);
      }),
    );
  });
});
