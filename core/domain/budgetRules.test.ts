import { describe, expect, it } from "vitest";
import {
  groupSpendRow,
  groupTotalLimit,
  isOverBudget,
  overBudgetCount,
  memberBudgetCell,
  memberSpendRow,
  resolveGoverning,
  visibleMemberIds,
  type BudgetedMembership,
  type Governing,
} from "./budgetRules";

const A = "org-a";
const B = "org-b";
const budgeted = (
  group_id: string,
  spend_limit_micros: number,
  member_since = 0,
  organization_id = A,
): BudgetedMembership => ({
  group_id,
  organization_id,
  spend_limit_micros,
  member_since,
});
const orgs = [
  { organization_id: B, is_default: false, member_since: 0 },
  { organization_id: A, is_default: true, member_since: 5 },
];
const resolve = (input: Partial<Parameters<typeof resolveGoverning>[0]>) =>
  resolveGoverning({ override: null, budgeted: [], organizations: orgs, ...input });

describe("the governing budget", () => {
  it("is the override's, over every group", () => {
    expect(
      resolve({
        override: { group_id: "g2", organization_id: A, spend_limit_micros: 5 },
        budgeted: [budgeted("g1", 9_000)],
      }),
    ).toEqual({
      group_id: "g2",
      organization_id: A,
      limit: { spend_limit_micros: 5, limit_source: "user_override" },
    });
  });

  it("is the highest group budget, the Everyone group's included, and $0 is a budget", () => {
    expect(resolve({ budgeted: [budgeted("g1", 100), budgeted(A, 300), budgeted("g3", 200)] })?.group_id).toBe(A);
    expect(resolve({ budgeted: [budgeted("zero", 0)] })).toMatchObject({
      group_id: "zero",
      limit: { spend_limit_micros: 0, limit_source: "group" },
    });
  });

  it("breaks a tie by the organization joined first, then by the lower group id", () => {
    expect(resolve({ budgeted: [budgeted("g1", 100, 9), budgeted("g9", 100, 1, B)] })?.group_id).toBe("g9");
    expect(resolve({ budgeted: [budgeted("g9", 100, 1), budgeted("g1", 100, 1)] })?.group_id).toBe("g1");
  });

  it("falls back to the default organization's Everyone group, unlimited, then to the one joined first", () => {
    expect(resolve({})).toEqual({ group_id: A, organization_id: A, limit: null });
    const noDefault = orgs.map((o) => ({ ...o, is_default: false }));
    expect(resolve({ organizations: noDefault })?.group_id).toBe(B);
    expect(resolve({ organizations: [] })).toBeNull();
  });
});

describe("the governing budget, whatever order the memberships are listed in", () => {
  const permutations = <T>(items: T[]): T[][] =>
    items.length <= 1
      ? [items]
      : items.flatMap((item, i) =>
          permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
        );

  it.each([
    ["the higher limit", [budgeted("g5", 100, 1), budgeted("g2", 300, 9), budgeted("g1", 200, 0)], "g2"],
    [
      "on a tie, the organization joined first",
      [budgeted("g1", 100, 9), budgeted("g9", 100, 1, B), budgeted("g5", 100, 5)],
      "g9",
    ],
    [
      "on a full tie, the lower group id",
      [budgeted("g9", 100, 1), budgeted("g1", 100, 1), budgeted("g5", 100, 1)],
      "g1",
    ],
  ] as const)("%s", (_, memberships, winner) => {
    for (const order of permutations([...memberships])) expect(resolve({ budgeted: order })?.group_id).toBe(winner);
  });

  it("falls back, with no default organization, to the one joined first, then the lower id", () => {
    const orgsJoined = [
      { organization_id: "org-c", is_default: false, member_since: 3 },
      { organization_id: "org-b", is_default: false, member_since: 1 },
      { organization_id: "org-a", is_default: false, member_since: 2 },
    ];
    for (const order of permutations(orgsJoined)) expect(resolve({ organizations: order })?.group_id).toBe("org-b");
    const tied = orgsJoined.map((o) => ({ ...o, member_since: 1 }));
    for (const order of permutations(tied)) expect(resolve({ organizations: order })?.group_id).toBe("org-a");
  });
});

describe("a member's row with nobody governing", () => {
  it("is all nulls but the spend charged here, for a user in no organization", () => {
    expect(memberSpendRow(here, "u1", null, 7)).toEqual({
      user_id: "u1",
      effective_group_id: null,
      effective_budget: null,
      group_budget: null,
      group_spend_micros: 7,
    });
  });
});

const here = { id: "g1", organization_id: A };
const governing = (
  group_id: string,
  organization_id: string,
  limit: number | null,
  source: "group" | "user_override" = "group",
): Governing => ({
  group_id,
  organization_id,
  limit: limit === null ? null : { spend_limit_micros: limit, limit_source: source },
});

describe("a member's row", () => {
  it("shows this group's limit only when this group governs, and the spend charged here", () => {
    expect(memberSpendRow(here, "u", governing("g1", A, 50), 7)).toEqual({
      user_id: "u",
      effective_group_id: "g1",
      effective_budget: { spend_limit_micros: 50, limit_source: "group" },
      group_budget: { spend_limit_micros: 50, limit_source: "group" },
      group_spend_micros: 7,
    });
    expect(memberSpendRow(here, "u", governing("g2", A, 90), 7)).toMatchObject({
      effective_group_id: "g2",
      effective_budget: { spend_limit_micros: 90 },
      group_budget: null,
    });
  });

  it("hides a group of another organization and its limit", () => {
    expect(memberSpendRow(here, "u", governing("g9", B, 90), 3)).toEqual({
      user_id: "u",
      effective_group_id: null,
      effective_budget: null,
      group_budget: null,
      group_spend_micros: 3,
    });
  });

  it("says which cell the members tab shows", () => {
    const cell = (g: Governing | null) => memberBudgetCell(here, memberSpendRow(here, "u", g, 4));
    expect(cell(governing("g1", A, 50))).toEqual({
      kind: "this",
      limit: { spend_limit_micros: 50, limit_source: "group" },
      spent: 4,
    });
    expect(cell(governing("g1", A, 60, "user_override"))).toMatchObject({
      kind: "this",
      limit: { limit_source: "user_override" },
    });
    expect(cell(governing(A, A, null))).toEqual({ kind: "unallocated", spent: 4 });
    expect(cell(governing(A, A, 30))).toEqual({ kind: "otherGroup", groupId: A, custom: false, spent: 4 });
    expect(cell(governing("g2", A, 30, "user_override"))).toEqual({
      kind: "otherGroup",
      groupId: "g2",
      custom: true,
      spent: 4,
    });
    expect(cell(governing("g9", B, 30))).toEqual({ kind: "otherOrganization" });
    // The Everyone group's own page: its fallback members are unallocated.
    const everyone = { id: A, organization_id: A };
    expect(memberBudgetCell(everyone, memberSpendRow(everyone, "u", governing(A, A, null), 0))).toEqual({
      kind: "unallocated",
      spent: 0,
    });
  });

  it("is visible to a member only for themselves", () => {
    expect(visibleMemberIds(["a", "b"], "b", false)).toEqual(["b"]);
    expect(visibleMemberIds(["a", "b"], "b", true)).toEqual(["a", "b"]);
  });
});

describe("a group's total limit", () => {
  it("counts only the members it governs, with overrides charged to it at their own limit", () => {
    const members = [
      governing("g1", A, 100),
      governing("g1", A, 900, "user_override"),
      governing("g2", A, 500),
      governing(A, A, null),
      null,
    ];
    expect(groupTotalLimit(here, 100, members)).toBe(1_000n);
    expect(groupSpendRow(here, 100, members, 42)).toEqual({
      group_id: "g1",
      spend_limit_micros: 100,
      total_spend_limit_micros: 1_000,
      current_spend_micros: 42,
    });
  });

  it("is null without a budget of its own, even with overrides charged to it", () => {
    expect(groupTotalLimit(here, null, [governing("g1", A, 900, "user_override")])).toBeNull();
  });

  it("is exact past 2^53 micros", () => {
    const max = 1_000_000_000_000;
    const members = Array.from({ length: 10_001 }, () => governing("g1", A, max));
    expect(groupTotalLimit(here, max, members)).toBe(10_001_000_000_000_000n);
  });
});

describe("over budget", () => {
  it("is spend charged to the effective group at or past its limit; $0 with no spend is already over", () => {
    expect(isOverBudget(governing("g1", A, 100), 99)).toBe(false);
    expect(isOverBudget(governing("g1", A, 100), 100)).toBe(true);
    expect(isOverBudget(governing("g1", A, 0), 0)).toBe(true);
    expect(isOverBudget(governing(A, A, null), 10 ** 12)).toBe(false);
    expect(isOverBudget(null, 1)).toBe(false);
  });
});

describe("over budget in a group", () => {
  const row = (
    user_id: string,
    effective: string | null,
    limit: number | null,
    spent: number,
    source: "group" | "user_override" = "group",
  ) => ({
    user_id,
    effective_group_id: effective,
    effective_budget: limit === null ? null : { spend_limit_micros: limit, limit_source: source },
    group_budget: effective === "g" && limit !== null ? { spend_limit_micros: limit, limit_source: source } : null,
    group_spend_micros: spent,
  });
  it("counts the members it governs whose spend charged to it reached their limit, overrides and $0 included", () => {
    expect(
      overBudgetCount("g", [
        row("at", "g", 100, 100),
        row("under", "g", 100, 99),
        row("override", "g", 50, 60, "user_override"),
        row("zero", "g", 0, 0),
        row("elsewhere", "other", 10, 500),
        row("other org", null, null, 500),
        row("unlimited", A, null, 500),
      ]),
    ).toBe(3);
  });
});
