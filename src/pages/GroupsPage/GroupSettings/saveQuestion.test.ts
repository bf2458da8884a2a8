import { describe, expect, it } from "vitest";
import type { GroupMemberAISpend } from "../../../../core/types";
import { budgetSaveQuestion, nameList } from "./saveQuestion";

const member = (user_id: string, spentDollars: number, limitDollars: number | null): GroupMemberAISpend => ({
  user_id,
  effective_group_id: "this",
  effective_budget:
    limitDollars === null ? null : { spend_limit_micros: limitDollars * 1_000_000, limit_source: "group" },
  group_budget: null,
  group_spend_micros: spentDollars * 1_000_000,
});

const spendOf = (members: GroupMemberAISpend[]) => ({
  groupId: "this",
  periodStart: "2026-11-01T00:00:00.000Z",
  periodEnd: "2026-12-01T00:00:00.000Z",
  members,
  names: Object.fromEntries(members.map((m) => [m.user_id, `user-${m.user_id}`])),
});

describe("nameList", () => {
  it("names up to three, then counts the rest", () => {
    expect(nameList([])).toBe("");
    expect(nameList(["ann"])).toBe("ann");
    expect(nameList(["ann", "bob"])).toBe("ann and bob");
    expect(nameList(["ann", "bob", "cy"])).toBe("ann, bob and cy");
    expect(nameList(["ann", "bob", "cy", "dee"])).toBe("ann, bob, cy and 1 more");
    expect(nameList(["ann", "bob", "cy", "dee", "eve"])).toBe("ann, bob, cy and 2 more");
  });
});

describe("budgetSaveQuestion", () => {
  // $100 saved; "over" is blocked by it already, "near" and "mid" are not.
  const spend = spendOf([
    member("over", 150, 100),
    member("near", 90, 100),
    member("mid", 50, 100),
    member("low", 5, 100),
  ]);

  it("asks to block only the members the new budget newly blocks, naming them", () => {
    expect(budgetSaveQuestion("40", 100_000_000, 4, spend)).toEqual({
      title: "Block 2 members now?",
      consequence:
        "user-near and user-mid have already spent $40.00 or more this month. Saving blocks their AI use from the moment it is saved until December 1, unless another group or a per-user override gives them a budget.",
      confirmLabel: "Save and block 2 members",
    });
    expect(budgetSaveQuestion("90", 100_000_000, 4, spend)?.title).toBe("Block 1 member now?");
    expect(budgetSaveQuestion("90", 100_000_000, 4, spend)?.consequence).toMatch(
      /^user-near has already spent \$90\.00/,
    );
  });

  it("asks nothing when no one new is blocked, the budget is unchanged, removed, invalid, or the spend is not loaded", () => {
    expect(budgetSaveQuestion("95", 100_000_000, 4, spend)).toBeUndefined();
    expect(budgetSaveQuestion("100", 100_000_000, 4, spend)).toBeUndefined();
    expect(budgetSaveQuestion("", 100_000_000, 4, spend)).toBeUndefined();
    expect(budgetSaveQuestion("-1", 100_000_000, 4, spend)).toBeUndefined();
    expect(budgetSaveQuestion("40", 100_000_000, 4, undefined)).toBeUndefined();
  });

  it("asks the 0 question once for a 0 that also blocks members, and none when 0 is saved already", () => {
    expect(budgetSaveQuestion("0", 100_000_000, 4, spend)?.title).toBe("Turn AI off for this group?");
    expect(budgetSaveQuestion("0", 100_000_000, 4, undefined)?.confirmLabel).toBe("Turn AI off");
    expect(budgetSaveQuestion("0", 0, 4, spend)).toBeUndefined();
  });
});
