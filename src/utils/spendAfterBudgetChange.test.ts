import fc from "fast-check";
import { effectiveBudget, type EffectiveInput } from "../../server/effectiveBudget";
import type { GroupMemberAISpend } from "../api/types";
import { memberAfterBudgetChange } from "./spendAfterBudgetChange";

const ORG = "org-1";
const USD = (n: number) => n * 1_000_000;

const member = (over: Partial<GroupMemberAISpend>): GroupMemberAISpend => ({
  user_id: "u",
  effective_group_id: ORG,
  effective_budget: null,
  group_budget: null,
  group_spend_micros: USD(3),
  ...over,
});
const byGroup = (groupId: string, usd: number) => ({
  effective_group_id: groupId,
  effective_budget: { spend_limit_micros: USD(usd), limit_source: "group" as const },
});

describe("a member's budget after their group's budget changes", () => {
  it("makes a first budget govern a member nothing else limited", () => {
    const result = memberAfterBudgetChange(member({}), { groupId: "g", organizationId: ORG, after: USD(40) });
    expect(result).toMatchObject({ ...byGroup("g", 40), group_budget: { spend_limit_micros: USD(40) }, group_spend_micros: USD(3) });
  });

  it("follows the governing group's budget up", () => {
    const before = member({ ...byGroup("g", 25), group_budget: { spend_limit_micros: USD(25) } });
    expect(memberAfterBudgetChange(before, { groupId: "g", organizationId: ORG, after: USD(40) })).toMatchObject(byGroup("g", 40));
  });

  it("leaves it to the server when the governing budget goes down or away", () => {
    const before = member({ ...byGroup("g", 25), group_budget: { spend_limit_micros: USD(25) } });
    expect(memberAfterBudgetChange(before, { groupId: "g", organizationId: ORG, after: USD(10) })).toBeUndefined();
    expect(memberAfterBudgetChange(before, { groupId: "g", organizationId: ORG, after: null })).toBeUndefined();
  });

  it("takes over from a lower group, leaves a higher one, and leaves a tie to the server", () => {
    const before = member({ ...byGroup("other", 30), group_budget: { spend_limit_micros: USD(5) } });
    const change = (usd: number) => memberAfterBudgetChange(before, { groupId: "g", organizationId: ORG, after: USD(usd) });
    expect(change(50)).toMatchObject(byGroup("g", 50));
    expect(change(20)).toMatchObject({ ...byGroup("other", 30), group_budget: { spend_limit_micros: USD(20) } });
    expect(change(30)).toBeUndefined();
  });

  it("never touches a member with their own override", () => {
    const override = { effective_group_id: "g", effective_budget: { spend_limit_micros: USD(7), limit_source: "user_override" as const } };
    const result = memberAfterBudgetChange(member({ ...override, group_budget: null }), { groupId: "g", organizationId: ORG, after: null });
    expect(result).toMatchObject(override);
  });

  it("changes the Everyone group's budget only for the members it governs", () => {
    const change = { groupId: ORG, organizationId: ORG, after: USD(15) };
    expect(memberAfterBudgetChange(member({}), change)).toMatchObject(byGroup(ORG, 15));
    expect(memberAfterBudgetChange(member(byGroup("g", 30)), change)).toMatchObject(byGroup("g", 30));
    expect(memberAfterBudgetChange(member(byGroup(ORG, 15)), { ...change, after: null })).toMatchObject({
      effective_group_id: ORG,
      effective_budget: null,
    });
  });

  // Every answer it gives is the server's answer: checked against the
  // server's own rules on random memberships, budgets, overrides and changes.
  it("agrees with the server whenever it answers", () => {
    const limit = fc.constantFrom(0, USD(5), USD(10), USD(20));
    // Half of the budgets and overrides absent, so "no budget anywhere" comes up often.
    const maybe = <T,>(value: fc.Arbitrary<T>) => fc.option(value, { freq: 2 });
    const scenario = fc.record({
      orgs: fc.array(fc.record({ joined: fc.integer({ min: 0, max: 2 }), everyone: maybe(limit) }), { minLength: 1, maxLength: 2 }),
      groups: fc.array(fc.record({ org: fc.integer({ min: 0, max: 1 }), budget: maybe(limit) }), { maxLength: 4 }),
      override: maybe(fc.record({ group: fc.nat(), limit })),
      changed: fc.nat(),
      after: maybe(limit),
    });
    let answered = 0;
    fc.assert(
      fc.property(scenario, ({ orgs, groups: drawn, override, changed, after }) => {
        const groups = drawn.map((g, i) => ({ id: `g${i}`, org: g.org % orgs.length, budget: g.budget }));
        const everyones = orgs.map((o, i) => ({ id: `org-${i}`, org: i, budget: o.everyone }));
        const all = [...groups, ...everyones];
        const target = all[changed % all.length]!;
        const input = (budgets: Map<string, number | null>): EffectiveInput => {
          const firstOrg = orgs.map((o, i) => ({ ...o, i })).sort((a, b) => a.joined - b.joined || a.i - b.i)[0]!;
          const everyone = everyones[firstOrg.i]!;
          return {
            override: override ? { group_id: all[override.group % all.length]!.id, spend_limit_micros: override.limit } : undefined,
            groups: groups
              .filter((g) => budgets.get(g.id) !== null)
              .map((g) => ({ group_id: g.id, spend_limit_micros: budgets.get(g.id)!, member_since: new Date(orgs[g.org]!.joined) })),
            everyone: { group_id: everyone.id, spend_limit_micros: budgets.get(everyone.id) ?? null },
          };
        };
        const budgetsBefore = new Map(all.map((g) => [g.id, g.budget]));
        const budgetsAfter = new Map(budgetsBefore).set(target.id, after);
        const serverBefore = effectiveBudget(input(budgetsBefore));
        const serverAfter = effectiveBudget(input(budgetsAfter));
        const read = member({ ...serverBefore, group_budget: target.budget === null ? null : { spend_limit_micros: target.budget } });
        const local = memberAfterBudgetChange(read, { groupId: target.id, organizationId: `org-${target.org}`, after });
        if (local === undefined) return;
        answered++;
        expect(local).toEqual({ ...read, ...serverAfter, group_budget: after === null ? null : { spend_limit_micros: after } });
      }),
      { numRuns: 2000 },
    );
    // Most changes are settled without asking the server again.
    expect(answered).toBeGreaterThan(1000);
  });
});
