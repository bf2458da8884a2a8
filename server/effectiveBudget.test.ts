import { describe, expect, it } from "vitest";
import { effectiveBudget } from "./effectiveBudget";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
const group = (group_id: string, spend_limit_micros: number, joined = 1) => ({ group_id, spend_limit_micros, member_since: day(joined) });
const everyone = { group_id: "everyone", spend_limit_micros: null };

describe("the effective budget", () => {
  it("is a per-user override, over every group", () => {
    expect(effectiveBudget({ override: { group_id: "b", spend_limit_micros: 5 }, groups: [group("a", 9_000)], everyone })).toEqual({
      effective_group_id: "b",
      effective_budget: { spend_limit_micros: 5, limit_source: "user_override" },
    });
  });

  it("is the highest group budget", () => {
    expect(effectiveBudget({ override: undefined, groups: [group("a", 100), group("b", 300), group("c", 200)], everyone })).toMatchObject({
      effective_group_id: "b",
      effective_budget: { spend_limit_micros: 300, limit_source: "group" },
    });
  });

  it("counts a $0 budget as a budget: it governs when it is the only one", () => {
    expect(effectiveBudget({ override: undefined, groups: [group("zero", 0)], everyone })).toMatchObject({
      effective_group_id: "zero",
      effective_budget: { spend_limit_micros: 0 },
    });
  });

  it("breaks a tie by the organization joined first", () => {
    expect(effectiveBudget({ override: undefined, groups: [group("late", 100, 20), group("early", 100, 3)], everyone }).effective_group_id).toBe("early");
  });

  it("breaks a tie within one organization by group id", () => {
    expect(effectiveBudget({ override: undefined, groups: [group("b2", 100), group("a1", 100)], everyone }).effective_group_id).toBe("a1");
  });

  it("falls back to Everyone, unlimited without a budget", () => {
    expect(effectiveBudget({ override: undefined, groups: [], everyone })).toEqual({ effective_group_id: "everyone", effective_budget: null });
  });

  it("falls back to Everyone's budget when it has one", () => {
    expect(effectiveBudget({ override: undefined, groups: [], everyone: { group_id: "everyone", spend_limit_micros: 42 } })).toEqual({
      effective_group_id: "everyone",
      effective_budget: { spend_limit_micros: 42, limit_source: "group" },
    });
  });

  it("prefers any group budget over Everyone's, even a lower one", () => {
    expect(
      effectiveBudget({ override: undefined, groups: [group("a", 1)], everyone: { group_id: "everyone", spend_limit_micros: 1_000 } }).effective_group_id,
    ).toBe("a");
  });
});
