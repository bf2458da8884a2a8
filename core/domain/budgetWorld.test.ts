// Coder's rules over a whole deployment in memory (what the MSW handlers
// answer from), on a small deployment with two organizations: coder (the
// default: ann, bob, cat; developers {ann, bob} $100, qa {bob} $300, its
// Everyone group $50, cat's override $7 charged to Everyone) and research
// (bob and dan, joined later; gpu-lab {dan} $900).
import { describe, expect, it } from "vitest";
import {
  chargedSpend,
  governingOf,
  groupRef,
  groupRow,
  memberRows,
  membersOf,
  resolutionInput,
  userSpendStatus,
  type BudgetWorld,
} from "./budgetWorld";

const USD = (n: number) => n * 1_000_000;
const CODER = "org-coder";
const RESEARCH = "org-research";
const world: BudgetWorld = {
  organizations: [
    { id: CODER, is_default: true },
    { id: RESEARCH, is_default: false },
  ],
  organizationMembers: [
    { organization_id: CODER, user_id: "ann", member_since: 1 },
    { organization_id: CODER, user_id: "bob", member_since: 2 },
    { organization_id: CODER, user_id: "cat", member_since: 3 },
    { organization_id: RESEARCH, user_id: "bob", member_since: 10 },
    { organization_id: RESEARCH, user_id: "dan", member_since: 11 },
  ],
  groups: [
    { id: "developers", organization_id: CODER },
    { id: "qa", organization_id: CODER },
    { id: "gpu-lab", organization_id: RESEARCH },
  ],
  groupMembers: [
    { group_id: "developers", user_id: "ann" },
    { group_id: "developers", user_id: "bob" },
    { group_id: "qa", user_id: "bob" },
    { group_id: "gpu-lab", user_id: "dan" },
  ],
  budgets: new Map([
    ["developers", USD(100)],
    ["qa", USD(300)],
    [CODER, USD(50)],
    ["gpu-lab", USD(900)],
  ]),
  overrides: new Map([["cat", { group_id: CODER, spend_limit_micros: USD(7) }]]),
  spend: [
    { user_id: "ann", group_id: "developers", micros: USD(20) },
    { user_id: "ann", group_id: "developers", micros: USD(5) },
    { user_id: "bob", group_id: "developers", micros: USD(1) },
    { user_id: "bob", group_id: "qa", micros: USD(40) },
    { user_id: "cat", group_id: CODER, micros: USD(2) },
    { user_id: "dan", group_id: "gpu-lab", micros: USD(3) },
  ],
};
const PERIOD = { period_start: "2026-11-01T00:00:00.000Z", period_end: "2026-12-01T00:00:00.000Z" };

describe("a deployment's groups", () => {
  it("finds groups and Everyone groups, whose id is their organization's", () => {
    expect(groupRef(world, "qa")).toEqual({ id: "qa", organization_id: CODER });
    expect(groupRef(world, RESEARCH)).toEqual({ id: RESEARCH, organization_id: RESEARCH });
    expect(groupRef(world, "nope")).toBeUndefined();
  });

  it("counts every organization member in its Everyone group, once", () => {
    expect(membersOf(world, CODER).sort()).toEqual(["ann", "bob", "cat"]);
    expect(membersOf(world, RESEARCH).sort()).toEqual(["bob", "dan"]);
    expect(membersOf(world, "developers")).toEqual(["ann", "bob"]);
  });
});

describe("who governs whom", () => {
  it("collects each budgeted group of the user, Everyone groups included, with when they joined its organization", () => {
    expect(resolutionInput(world, "bob")).toEqual({
      override: null,
      budgeted: [
        { group_id: "developers", organization_id: CODER, spend_limit_micros: USD(100), member_since: 2 },
        { group_id: "qa", organization_id: CODER, spend_limit_micros: USD(300), member_since: 2 },
        { group_id: CODER, organization_id: CODER, spend_limit_micros: USD(50), member_since: 2 },
      ],
      organizations: [
        { organization_id: CODER, is_default: true, member_since: 2 },
        { organization_id: RESEARCH, is_default: false, member_since: 10 },
      ],
    });
    expect(resolutionInput(world, "cat").override).toEqual({
      group_id: CODER,
      organization_id: CODER,
      spend_limit_micros: USD(7),
    });
  });

  it("ignores an override charged to a group the deployment no longer has", () => {
    const orphan = { ...world, overrides: new Map([["ann", { group_id: "deleted", spend_limit_micros: USD(1) }]]) };
    expect(resolutionInput(orphan, "ann").override).toBeNull();
    expect(governingOf(orphan, "ann")).toMatchObject({ group_id: "developers" });
  });

  it("the highest budget governs; an override beats it", () => {
    expect(governingOf(world, "bob")).toEqual({
      group_id: "qa",
      organization_id: CODER,
      limit: { spend_limit_micros: USD(300), limit_source: "group" },
    });
    expect(governingOf(world, "ann")).toMatchObject({ group_id: "developers" });
    expect(governingOf(world, "cat")).toEqual({
      group_id: CODER,
      organization_id: CODER,
      limit: { spend_limit_micros: USD(7), limit_source: "user_override" },
    });
    expect(governingOf(world, "dan")).toMatchObject({ group_id: "gpu-lab", organization_id: RESEARCH });
    expect(governingOf(world, "stranger")).toBeNull();
  });
});

describe("spend", () => {
  it("adds what was charged to a group, by one user or by all", () => {
    expect(chargedSpend(world, "developers")).toBe(USD(26));
    expect(chargedSpend(world, "developers", "ann")).toBe(USD(25));
    expect(chargedSpend(world, "developers", "cat")).toBe(0);
  });

  it("answers members' rows for members only, each once, in id order as Coder does", () => {
    const rows = memberRows(world, { id: "developers", organization_id: CODER }, ["bob", "dan", "ann", "bob"]);
    expect(rows.map((r) => r.user_id)).toEqual(["ann", "bob"]);
    expect(rows[1]).toEqual({
      user_id: "bob",
      effective_group_id: "qa",
      effective_budget: { spend_limit_micros: USD(300), limit_source: "group" },
      group_budget: null,
      group_spend_micros: USD(1),
    });
    expect(rows[0]).toMatchObject({
      effective_group_id: "developers",
      group_budget: { spend_limit_micros: USD(100) },
      group_spend_micros: USD(25),
    });
  });

  it("a group's row: the limit of the members it governs and all spend charged to it", () => {
    expect(groupRow(world, { id: "developers", organization_id: CODER })).toEqual({
      group_id: "developers",
      spend_limit_micros: USD(100),
      total_spend_limit_micros: USD(100),
      current_spend_micros: USD(26),
    });
    expect(groupRow(world, { id: CODER, organization_id: CODER })).toMatchObject({
      total_spend_limit_micros: USD(7),
      current_spend_micros: USD(2),
    });
    expect(groupRow(world, { id: RESEARCH, organization_id: RESEARCH })).toMatchObject({
      spend_limit_micros: null,
      total_spend_limit_micros: null,
    });
  });

  it("a user's own status: the governing group, its limit and the spend charged there", () => {
    expect(userSpendStatus(world, "bob", PERIOD)).toEqual({
      user_id: "bob",
      effective_group_id: "qa",
      effective_budget: { spend_limit_micros: USD(300), limit_source: "group" },
      current_spend_micros: USD(40),
      ...PERIOD,
    });
    expect(userSpendStatus(world, "stranger", PERIOD)).toMatchObject({
      effective_group_id: null,
      effective_budget: null,
      current_spend_micros: 0,
    });
  });
});
