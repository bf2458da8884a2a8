import { describe, expect, it } from "vitest";
import type { GroupMemberAISpend } from "../types";
import { budgetChange, budgetImpact, onPaceToBeBlocked } from "./budgetImpact";

const member = (
  user_id: string,
  spent: number,
  effective_group_id: string | null,
  budget: GroupMemberAISpend["effective_budget"],
): GroupMemberAISpend => ({
  user_id,
  effective_group_id,
  effective_budget: budget,
  group_budget: null,
  group_spend_micros: spent,
});
const group = (micros: number) => ({ spend_limit_micros: micros, limit_source: "group" as const });

describe("budgetImpact", () => {
  const members = [
    member("a", 30_000_000, "this", group(1_000_000_000)),
    member("b", 25_000_000, "this", group(1_000_000_000)),
    member("c", 10_000_000, "this", group(1_000_000_000)),
    member("d", 99_000_000, "this", { spend_limit_micros: 5_000_000_000, limit_source: "user_override" }),
    member("e", 99_000_000, "other", group(2_000_000_000)),
    member("f", 99_000_000, "other", group(5_000_000)),
    member("g", 99_000_000, "org", null),
    member("h", 99_000_000, null, null),
  ];

  it("counts members whose spend reaches the new budget, and those governed elsewhere", () => {
    // f's other group ($5) is lower than $25, so this group would govern f; g has no budget at all;
    // h is governed in another organization, at a limit this organization cannot see.
    expect(budgetImpact("this", 25_000_000, members)).toEqual({ governed: 5, blocked: 4, unaffected: 3 });
  });

  it("leaves a member governed by another group at exactly the new budget unaffected (the tie goes to the server's order), and one just below governed", () => {
    const other = (micros: number) => member("x", 0, "other", group(micros));
    expect(budgetImpact("this", 25_000_000, [other(25_000_000)])).toEqual({ governed: 0, blocked: 0, unaffected: 1 });
    expect(budgetImpact("this", 25_000_000, [other(24_999_999)])).toEqual({ governed: 1, blocked: 0, unaffected: 0 });
    expect(budgetImpact("this", 25_000_000, [other(25_000_001)])).toEqual({ governed: 0, blocked: 0, unaffected: 1 });
  });

  it("blocks at exactly the limit, as enforcement does", () => {
    expect(budgetImpact("this", 30_000_000, [members[0]!]).blocked).toBe(1);
    expect(budgetImpact("this", 30_000_001, [members[0]!]).blocked).toBe(0);
  });
});

describe("onPaceToBeBlocked", () => {
  const period = { periodStart: "2026-11-01T00:00:00.000Z", periodEnd: "2026-12-01T00:00:00.000Z" };
  const halfway = { ...period, now: new Date("2026-11-16T00:00:00.000Z") };
  const budget = { spend_limit_micros: 1_000_000_000, limit_source: "group" as const };
  const members = [
    member("blocked", 120_000_000, "this", budget), // reaches $100 at once: not "on pace"
    member("crosses", 60_000_000, "this", budget), // $120 by the end of the month
    member("at the reset", 50_000_000, "this", budget), // exactly $100 as the period resets
    member("slow", 10_000_000, "this", budget),
    member("override", 90_000_000, "this", { spend_limit_micros: 5_000_000, limit_source: "user_override" }),
    member("higher group", 90_000_000, "other", { spend_limit_micros: 2_000_000_000, limit_source: "group" }),
  ];

  it("counts the members the new budget governs whose pace reaches it before the reset, not those blocked at once", () => {
    expect(onPaceToBeBlocked("this", 100_000_000, members, halfway)).toBe(1);
    expect(budgetImpact("this", 100_000_000, members)).toEqual({ governed: 4, blocked: 1, unaffected: 2 });
    // At $15 the three others are blocked at once; "slow" is on pace for $20.
    expect(onPaceToBeBlocked("this", 15_000_000, members, halfway)).toBe(1);
  });

  it("has no answer in the period's first days", () => {
    expect(
      onPaceToBeBlocked("this", 100_000_000, members, { ...period, now: new Date("2026-11-02T00:00:00.000Z") }),
    ).toBeNull();
  });
});

describe("budgetChange", () => {
  const limit = group(100_000_000);
  const members = [
    member("over", 150_000_000, "this", limit), // blocked by this group's $100 now
    member("near", 90_000_000, "this", limit),
    member("low", 10_000_000, "this", limit),
    member("other", 95_000_000, "other", group(50_000_000)), // the new $80 would govern them
    member("override", 99_000_000, "this", { spend_limit_micros: 1_000_000, limit_source: "user_override" }),
  ];

  it("counts as blocked only those the change blocks, names them with their limit before, and keeps the already blocked apart", () => {
    expect(budgetChange("this", 80_000_000, members)).toEqual({
      governed: 4,
      newlyBlocked: [
        { user_id: "near", spentMicros: 90_000_000, beforeMicros: 100_000_000 },
        { user_id: "other", spentMicros: 95_000_000, beforeMicros: 50_000_000 },
      ],
      stillBlocked: 1,
      unblocked: [],
      unaffected: 1,
    });
  });

  it("frees those blocked now whose spend is under a raised budget", () => {
    const change = budgetChange("this", 200_000_000, members);
    expect(change.newlyBlocked).toEqual([]);
    expect(change.unblocked.map((turn) => turn.user_id)).toEqual(["over"]);
  });

  it("with no budget, blocks no one and frees those this group blocks now", () => {
    expect(budgetChange("this", null, members)).toEqual({
      governed: 3,
      newlyBlocked: [],
      stillBlocked: 0,
      unblocked: [{ user_id: "over", spentMicros: 150_000_000, beforeMicros: 100_000_000 }],
      unaffected: 2,
    });
  });
});
