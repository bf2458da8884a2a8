import { describe, expect, it } from "vitest";
import { aggregateUsage, escapeFormula, exportPeriod, spendExportCsv, type UsageRecord } from "./spendExport";

const NOW = new Date("2026-11-16T05:24:00.000Z");
const q = (query: string) => exportPeriod(new URLSearchParams(query), NOW);

describe("the export period", () => {
  it("is the current UTC month by default", () => {
    expect(q("")).toEqual({ ok: true, start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z") });
  });

  it("takes any RFC 3339 range up to 31 days, offsets included", () => {
    expect(q("period_start=2026-10-01T00:00:00Z&period_end=2026-11-01T00:00:00Z").ok).toBe(true);
    expect(q("period_start=2026-10-01T02:00:00%2B02:00&period_end=2026-11-01T00:00:00Z")).toMatchObject({
      ok: true,
      start: new Date("2026-10-01T00:00:00Z"),
    });
    expect(q("period_start=2026-10-01T00:00:00Z&period_end=2026-11-01T00:00:00.000000001Z")).toMatchObject({
      ok: false,
    });
  });

  it("refuses half a range, an empty or reversed one, a bad date and an unknown parameter", () => {
    expect(q("period_start=2026-10-01T00:00:00Z")).toMatchObject({
      ok: false,
      body: { message: 'Query parameters "period_start" and "period_end" must be provided together.' },
    });
    expect(q("period_start=2026-10-02T00:00:00Z&period_end=2026-10-02T00:00:00Z")).toMatchObject({
      ok: false,
      body: { message: 'Query parameter "period_start" must be before "period_end".' },
    });
    expect(q("period_start=2026-10-02&period_end=2026-10-03T00:00:00Z")).toMatchObject({
      ok: false,
      body: { validations: [{ field: "period_start" }] },
    });
    expect(q("period_start=2026-10-02T00:00:00Z&period_end=2026-10-03T00:00:00Z&user=bob")).toMatchObject({
      ok: false,
      body: { validations: [{ field: "user" }] },
    });
  });
});

describe("the CSV", () => {
  it("defuses formula characters with a quote, as Coder does", () => {
    for (const cell of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(escapeFormula(cell)).toBe(`'${cell}`);
    expect(escapeFormula("gpt-5")).toBe("gpt-5");
    // The third red team's cells: a line feed, a space, a no-break space, a fullwidth ＝, a pipe.
    for (const cell of ["\nx", " =1+1", "\u00a0=1+1", "\uff1d1+1", "|cmd", "\uff0b1", "\uff20x"])
      expect(escapeFormula(cell)).toBe(`'${cell}`);
    expect(escapeFormula("")).toBe("");
  });

  it("sums usage in the period per user × group × model × provider, and writes it", () => {
    const at = (iso: string) => Date.parse(iso);
    const usage = (model: string, cost: number, created: string): UsageRecord => ({
      user_id: "u1",
      group_id: "g1",
      model,
      provider: "openai",
      provider_name: "openai",
      input_tokens: 10,
      output_tokens: 1,
      cache_read_tokens: 0,
      cache_write_tokens: 0,
      cost_micros: cost,
      created_at: at(created),
    });
    const period = { start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z") };
    const rows = aggregateUsage(
      [
        usage("gpt-5", 5, "2026-11-02T00:00:00Z"),
        usage("gpt-5", 7, "2026-11-30T23:59:59Z"),
        usage("o3", 1, "2026-11-03T00:00:00Z"),
        usage("gpt-5", 100, "2026-12-01T00:00:00Z"),
      ],
      period,
      () => ({ username: "bob", group_name: "developers", organization_id: "o1", organization_name: "coder" }),
    );
    expect(rows.map((r) => [r.model, r.cost_micros, r.input_tokens])).toEqual([
      ["gpt-5", 12, 20],
      ["o3", 1, 10],
    ]);
    expect(spendExportCsv(rows, period).split("\n")[1]).toBe(
      "u1,bob,g1,developers,o1,coder,gpt-5,openai,openai,20,2,0,0,12,2026-11-01T00:00:00Z,2026-12-01T00:00:00Z",
    );
  });
});
