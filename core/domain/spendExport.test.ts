import { describe, expect, it } from "vitest";
import { aggregateUsage, escapeFormula, exportQuery, spendExportCsv, type UsageRecord } from "./spendExport";
import { parseRfc3339 } from "./spendQuery";

const NOW = new Date("2026-11-16T05:24:00.000Z");
const q = (query: string, retentionMs?: number) => {
  const parsed = exportQuery(new URLSearchParams(query), NOW, retentionMs);
  return parsed.ok ? { ok: true, ...parsed.value } : parsed;
};
const DAY = 86_400_000;

describe("the export period", () => {
  it("is the current UTC month by default", () => {
    expect(q("")).toMatchObject({
      ok: true,
      start: new Date("2026-11-01T00:00:00Z"),
      end: new Date("2026-12-01T00:00:00Z"),
    });
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

describe("strict parameters, as Go parses them", () => {
  it("refuses a February 30, hour 24, minute 60 and an offset of 24 hours", () => {
    for (const bad of [
      "2026-02-30T00:00:00Z",
      "2026-02-29T00:00:00Z",
      "2026-10-01T24:00:00Z",
      "2026-10-01T00:60:00Z",
      "2026-10-01T00:00:60Z",
      "2026-13-01T00:00:00Z",
      "2026-10-01T00:00:00+24:00",
    ]) {
      expect(parseRfc3339(bad), bad).toBeUndefined();
    }
    expect(parseRfc3339("2028-02-29T00:00:00Z")).toBe(BigInt(Date.parse("2028-02-29T00:00:00Z")) * 1_000_000n);
    expect(parseRfc3339("0000-01-01T00:00:00Z")).toBe(-62_167_219_200_000n * 1_000_000n);
  });

  it("refuses a repeated or an empty parameter", () => {
    const range = "period_start=2026-10-01T00:00:00Z&period_end=2026-10-02T00:00:00Z";
    expect(q(`${range}&model=a&model=b`)).toMatchObject({
      ok: false,
      body: { message: "Query parameters have invalid values.", validations: [{ field: "model" }] },
    });
    expect(q(`${range}&provider_name=`)).toMatchObject({
      ok: false,
      body: { validations: [{ field: "provider_name" }] },
    });
    expect(q(`${range}&period_start=2026-10-01T00:00:00Z`)).toMatchObject({
      ok: false,
      body: { validations: [{ field: "period_start" }] },
    });
  });

  it("takes the filters, a user or group only as a UUID", () => {
    const id = "0000000a-0000-4000-8000-000000000001";
    expect(q(`user_id=${id.toUpperCase()}&model=gpt-5`)).toMatchObject({
      ok: true,
      filters: { user_id: id, model: "gpt-5" },
    });
    expect(q("group_id=developers")).toMatchObject({ ok: false, body: { validations: [{ field: "group_id" }] } });
  });

  it("narrows the default period to the retention window, and refuses an explicit start older than it", () => {
    expect(q("", 10 * DAY)).toMatchObject({
      ok: true,
      start: new Date("2026-11-06T05:24:00.000Z"),
      retentionStart: new Date("2026-11-06T05:24:00.000Z"),
    });
    expect(q("", 60 * DAY)).toMatchObject({
      ok: true,
      start: new Date("2026-11-01T00:00:00Z"),
      retentionStart: undefined,
    });
    expect(q("period_start=2026-09-01T00:00:00Z&period_end=2026-09-02T00:00:00Z", 60 * DAY)).toMatchObject({
      ok: false,
      body: {
        message:
          'Query parameter "period_start" is older than the configured AI Gateway data retention window (1440h0m0s).',
      },
    });
    expect(q("period_start=0000-01-01T00:00:00Z&period_end=0000-01-02T00:00:00Z", 60 * DAY)).toMatchObject({
      ok: false,
    });
    expect(q("period_start=0000-01-01T00:00:00Z&period_end=0000-01-02T00:00:00Z")).toMatchObject({ ok: true });
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

  it("sums exactly past 2^53 and orders rows as Coder (user id, group id, provider, provider name, model)", () => {
    const record = (user_id: string, provider: string, model: string, cost: number): UsageRecord => ({
      user_id,
      group_id: "g1",
      model,
      provider,
      provider_name: provider,
      input_tokens: 0,
      output_tokens: 0,
      cache_read_tokens: 0,
      cache_write_tokens: 0,
      cost_micros: cost,
      created_at: Date.parse("2026-11-02T00:00:00Z"),
    });
    const period = { start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z") };
    const rows = aggregateUsage(
      [
        record("u2", "openai", "a", 1),
        record("u1", "openai", "a", Number.MAX_SAFE_INTEGER),
        record("u1", "openai", "a", Number.MAX_SAFE_INTEGER),
        record("u1", "anthropic", "z", 1),
      ],
      period,
      () => ({ username: "zed", group_name: "g", organization_id: "o1", organization_name: "coder" }),
    );
    expect(rows.map((r) => [r.user_id, r.provider, r.cost_micros])).toEqual([
      ["u1", "anthropic", 1],
      ["u1", "openai", 2n * BigInt(Number.MAX_SAFE_INTEGER)],
      ["u2", "openai", 1],
    ]);
    expect(spendExportCsv(rows, period)).toContain(",18014398509481982,");
  });
});
