import { describe, expect, it } from "vitest";
import type { GroupMemberAISpend } from "../types";
import { additionImpact, removalImpact } from "./membershipImpact";

const group = { id: "g-dev", organization_id: "org", name: "developers" };
const USD = (n: number) => n * 1_000_000;
const row = (over: Partial<GroupMemberAISpend>): GroupMemberAISpend => ({
  user_id: "u",
  effective_group_id: "g-dev",
  effective_budget: { spend_limit_micros: USD(1000), limit_source: "group" },
  group_budget: { spend_limit_micros: USD(1000), limit_source: "group" },
  group_spend_micros: 0,
  ...over,
});

describe("removalImpact", () => {
  it("names the highest budget of their other groups", () => {
    expect(
      removalImpact(group, row({}), [
        { name: "Everyone", spend_limit_micros: null },
        { name: "data-science", spend_limit_micros: USD(300) },
        { name: "contractors", spend_limit_micros: USD(0) },
      ]),
    ).toBe(
      "This group's $1,000.00 budget governs them now. $300.00 (data-science) will govern them instead, unless a group of another organization sets more.",
    );
  });

  it("says an override charged here is deleted, and that nothing may cap them after", () => {
    const custom = { spend_limit_micros: USD(9000), limit_source: "user_override" as const };
    expect(removalImpact(group, row({ effective_budget: custom, group_budget: custom }), [])).toBe(
      "Their custom limit of $9,000.00, charged to developers, is deleted with the membership. No other group of theirs here sets a budget: unless a group of another organization does, their AI spend becomes unlimited.",
    );
  });

  it("says nothing changes where another group or organization governs", () => {
    expect(removalImpact(group, row({ effective_group_id: "g-other", group_budget: null }), [])).toMatch(
      /^Their AI budget does not change: another group's budget/,
    );
    expect(
      removalImpact(group, row({ effective_group_id: null, effective_budget: null, group_budget: null }), []),
    ).toMatch(/another organization governs them/);
  });
});

describe("additionImpact", () => {
  const developers = { spend_limit_micros: USD(1000), limit_source: "group" as const };
  const now = { limit: developers, groupId: "g-dev", groupName: "developers" };
  const target = (id: string, dollars: number | null) => ({
    id,
    spend_limit_micros: dollars === null ? null : USD(dollars),
  });

  it("says the budget that governs after, where it is higher", () => {
    expect(additionImpact("alice", now, target("g-new", 2000))).toBe(
      "alice: $1,000.00 (developers) → $2,000.00 (this group)",
    );
    expect(additionImpact("grace", { limit: null, groupId: "org", groupName: "Everyone" }, target("g-new", 0))).toBe(
      "grace: Unlimited → $0.00 (this group)",
    );
  });

  it("breaks a tie in one organization by group id", () => {
    expect(additionImpact("alice", now, target("g-aaa", 1000))).toBe(
      "alice: $1,000.00 (developers) → $1,000.00 (this group)",
    );
    expect(additionImpact("alice", now, target("g-zzz", 1000))).toBe(
      "alice: no change: $1,000.00 (developers) is as high",
    );
  });

  it("says why nothing changes, or that it cannot be known here", () => {
    const custom = { spend_limit_micros: USD(5), limit_source: "user_override" as const };
    expect(additionImpact("bob", { ...now, limit: custom }, target("g-new", 2000))).toBe(
      "bob: no change: a custom limit governs",
    );
    expect(additionImpact("bob", now, target("g-new", null))).toBe("bob: no change: this group sets no budget");
    const elsewhere = { limit: developers, groupId: null, groupName: undefined };
    expect(additionImpact("frank", elsewhere, target("g-new", 500))).toBe(
      "frank: no change: $1,000.00 (a group of another organization) is higher",
    );
    expect(additionImpact("frank", elsewhere, target("g-new", 1000))).toMatch(/^frank: cannot be known here/);
  });
});
