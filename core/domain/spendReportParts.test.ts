import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReportRow } from "./spendReport";
import { mergeReportParts, splitExportPeriod } from "./spendReportParts";

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

/** An export row as Coder's CSV carries it, its cells included. */
function row(
  user: string,
  group: string,
  model: string,
  cost: bigint,
  tokens: number,
  period: { start: string; end: string },
): ReportRow {
  const provider = model.startsWith("claude") ? "anthropic" : "openai";
  const fields = {
    user_id: `u-${user}`,
    username: user,
    group_id: `g-${group}`,
    group_name: group,
    model,
    provider,
    provider_name: provider,
    input_tokens: tokens,
    output_tokens: tokens * 2,
    cache_read_tokens: 1,
    cache_write_tokens: 0,
    cost_micros: cost,
  };
  const cells = [
    fields.user_id,
    user,
    fields.group_id,
    group,
    "org",
    "coder",
    model,
    provider,
    provider,
    String(tokens),
    String(tokens * 2),
    "1",
    "0",
    String(cost),
    period.start,
    period.end,
  ];
  return { ...fields, cells };
}

describe("splitting a period into export requests", () => {
  it("cuts 45 days into 31 and 14, and leaves 31 days whole", () => {
    expect(splitExportPeriod({ start: "2026-10-02T00:00:00Z", end: "2026-11-16T00:00:00Z" })).toEqual([
      { start: "2026-10-02T00:00:00Z", end: "2026-11-02T00:00:00Z" },
      { start: "2026-11-02T00:00:00Z", end: "2026-11-16T00:00:00Z" },
    ]);
    expect(splitExportPeriod({ start: "2026-10-01T00:00:00Z", end: "2026-11-01T00:00:00Z" })).toHaveLength(1);
    expect(splitExportPeriod({ start: "2026-10-01T00:00:00Z", end: "2026-10-01T00:00:00Z" })).toEqual([]);
  });

  it("covers the period exactly, in order, each part at most 31 days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 400 }), (startDay, days) => {
        const start = startDay * DAY;
        const spans = splitExportPeriod({ start: iso(start), end: iso(start + days * DAY) });
        expect(spans).toHaveLength(Math.ceil(days / 31));
        expect(spans[0]!.start).toBe(iso(start));
        expect(spans.at(-1)!.end).toBe(iso(start + days * DAY));
        spans.forEach((span, i) => {
          const length = Date.parse(span.end) - Date.parse(span.start);
          expect(length).toBeGreaterThan(0);
          expect(length).toBeLessThanOrEqual(31 * DAY);
          if (i > 0) expect(span.start).toBe(spans[i - 1]!.end);
        });
      }),
    );
  });
});

const WHOLE = { start: "2026-09-20T00:00:00Z", end: "2026-11-16T00:00:00Z" };
const PART_A = { start: "2026-09-20T00:00:00Z", end: "2026-10-21T00:00:00Z" };
const PART_B = { start: "2026-10-21T00:00:00Z", end: "2026-11-16T00:00:00Z" };

describe("merging the parts", () => {
  it("makes a user's spend on a model in several parts one row, summed, over the whole period", () => {
    const merged = mergeReportParts(
      [
        [
          row("bob", "developers", "gpt-5", 10_000_000n, 100, PART_A),
          row("alice", "developers", "gpt-5", 1n, 1, PART_A),
        ],
        [row("bob", "developers", "gpt-5", 2_500_001n, 50, PART_B), row("bob", "developers", "claude", 7n, 3, PART_B)],
      ],
      WHOLE,
    );
    expect(merged.map((r) => [r.username, r.model, r.cost_micros, r.input_tokens])).toEqual([
      ["alice", "gpt-5", 1n, 1],
      ["bob", "claude", 7n, 3],
      ["bob", "gpt-5", 12_500_001n, 150],
    ]);
    expect(merged[2]!.cells).toEqual([
      "u-bob",
      "bob",
      "g-developers",
      "developers",
      "org",
      "coder",
      "gpt-5",
      "openai",
      "openai",
      "150",
      "300",
      "2",
      "0",
      "12500001",
      WHOLE.start,
      WHOLE.end,
    ]);
  });

  it("keeps sums exact past 2^53 micros", () => {
    const big = 2n ** 53n + 1n;
    const [merged] = mergeReportParts(
      [[row("bob", "g", "gpt-5", big, 1, PART_A)], [row("bob", "g", "gpt-5", big, 1, PART_B)]],
      WHOLE,
    );
    expect(merged!.cost_micros).toBe(2n * big);
    expect(merged!.cells[13]).toBe(String(2n * big));
  });

  it("names a row after its latest part (a user renamed mid-period)", () => {
    const renamed = { ...row("bobby", "developers", "gpt-5", 1n, 1, PART_B), user_id: "u-bob" };
    renamed.cells[0] = "u-bob";
    const [merged] = mergeReportParts([[row("bob", "developers", "gpt-5", 1n, 1, PART_A)], [renamed]], WHOLE);
    expect(merged!.username).toBe("bobby");
  });

  const rowArb = fc
    .record({
      user: fc.constantFrom("alice", "bob", "carol"),
      group: fc.constantFrom("developers", "Everyone"),
      model: fc.constantFrom("gpt-5", "claude-sonnet-4-5"),
      cost: fc.bigInt({ min: 0n, max: 10n ** 15n }),
      tokens: fc.integer({ min: 0, max: 1_000_000 }),
    })
    .map(({ user, group, model, cost, tokens }) => row(user, group, model, cost, tokens, PART_A));

  it("sums to exactly the parts' sums, per row and in total, one row per user, group and model", () => {
    fc.assert(
      fc.property(fc.array(fc.array(rowArb, { maxLength: 12 }), { minLength: 1, maxLength: 5 }), (parts) => {
        const merged = mergeReportParts(parts, WHOLE);
        const all = parts.flat();
        const key = (r: ReportRow) => `${r.user_id}/${r.group_id}/${r.provider}/${r.model}`;
        expect(merged.reduce((sum, r) => sum + r.cost_micros, 0n)).toBe(
          all.reduce((sum, r) => sum + r.cost_micros, 0n),
        );
        expect(new Set(merged.map(key)).size).toBe(merged.length);
        expect(new Set(merged.map(key))).toEqual(new Set(all.map(key)));
        for (const line of merged) {
          const same = all.filter((r) => key(r) === key(line));
          expect(line.cost_micros).toBe(same.reduce((sum, r) => sum + r.cost_micros, 0n));
          expect(line.input_tokens).toBe(same.reduce((sum, r) => sum + r.input_tokens, 0));
          expect(line.cells[13]).toBe(String(line.cost_micros));
          expect(line.cells.slice(14)).toEqual([WHOLE.start, WHOLE.end]);
        }
        const order = merged.map((r) => [r.user_id, r.group_id, r.provider, r.provider_name, r.model].join("\u0000"));
        expect(order).toEqual([...order].sort());
      }),
    );
  });
});
