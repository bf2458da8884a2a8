import fc from "fast-check";
import type { GroupMemberAISpend } from "../types";
import { budgetWorlds, worldGroups } from "../testing/budgetWorlds";
import { memberAfterBudgetChange, totalLimitFromRows } from "./afterBudgetChange";
import { groupRow, memberRows, membersOf } from "./budgetWorld";

const ORG = "org-1";
const USD = (n: number) => n * 1_000_000;
const row = (over: Partial<GroupMemberAISpend>): GroupMemberAISpend => ({
  user_id: "u",
  effective_group_id: ORG,
  effective_budget: null,
  group_budget: null,
  group_spend_micros: USD(3),
  ...over,
});
const limit = (usd: number, limit_source: "group" | "user_override" = "group") => ({
  spend_limit_micros: USD(usd),
  limit_source,
});
const governedBy = (groupId: string, usd: number) => ({
  effective_group_id: groupId,
  effective_budget: limit(usd),
  group_budget: limit(usd),
});
const change = (before: number | null, after: number | null, groupId = "g") => ({
  groupId,
  organizationId: ORG,
  before: before === null ? null : USD(before),
  after: after === null ? null : USD(after),
});

describe("a member's row after their group's budget changes", () => {
  it("makes a first budget govern a member with no budget anywhere", () => {
    expect(memberAfterBudgetChange(row({}), change(null, 40))).toEqual(row(governedBy("g", 40)));
  });

  it("follows the governing budget up, and leaves a cut or a removal to the server", () => {
    const before = row(governedBy("g", 25));
    expect(memberAfterBudgetChange(before, change(25, 40))).toEqual(row(governedBy("g", 40)));
    expect(memberAfterBudgetChange(before, change(25, 10))).toBeUndefined();
    expect(memberAfterBudgetChange(before, change(25, null))).toBeUndefined();
  });

  it("takes over from a lower group, leaves a higher one, and leaves a tie to the server", () => {
    const before = row({ effective_group_id: "other", effective_budget: limit(30) });
    expect(memberAfterBudgetChange(before, change(5, 50))).toEqual(row(governedBy("g", 50)));
    expect(memberAfterBudgetChange(before, change(5, 20))).toBe(before);
    expect(memberAfterBudgetChange(before, change(5, 30))).toBeUndefined();
  });

  it("never touches a member with an override, nor knows about another organization's group", () => {
    const override = row({
      effective_group_id: "g",
      effective_budget: limit(7, "user_override"),
      group_budget: limit(7, "user_override"),
    });
    expect(memberAfterBudgetChange(override, change(25, null))).toBe(override);
    expect(memberAfterBudgetChange(row({ effective_group_id: null }), change(5, 50))).toBeUndefined();
  });

  it("changes nothing when the budget did not change, even where a change would be the server's to settle", () => {
    const tied = row(governedBy("other", 25));
    expect(memberAfterBudgetChange(tied, change(25, 25))).toBe(tied);
  });

  it("leaves a member governed in another organization to the server, whatever the change", () => {
    expect(memberAfterBudgetChange(row({ effective_group_id: null }), change(25, null))).toBeUndefined();
    expect(memberAfterBudgetChange(row({ effective_group_id: null }), change(null, 25))).toBeUndefined();
  });

  it("totals only the members the group governs, exactly", () => {
    const rows = [
      row(governedBy("g", 25)),
      row({ ...governedBy("other", 90), group_budget: null }),
      row({ effective_group_id: null }),
      row(governedBy("g", 25)),
    ];
    expect(totalLimitFromRows(rows, "g", USD(25))).toBe(BigInt(USD(50)));
    expect(totalLimitFromRows(rows, "g", null)).toBeNull();
  });

  it("lets the Everyone group's own budget govern only members with no other budget", () => {
    expect(memberAfterBudgetChange(row({}), change(null, 15, ORG))).toEqual(row(governedBy(ORG, 15)));
    const elsewhere = row({ effective_group_id: "g", effective_budget: limit(30) });
    expect(memberAfterBudgetChange(elsewhere, change(null, 15, ORG))).toBe(elsewhere);
  });

  // Every answer it gives is Coder's: on random deployments, the row it
  // derives equals the row the rules give after the change.
  it("agrees with Coder's rules whenever it answers", () => {
    const scenario = fc.record({
      world: budgetWorlds,
      changed: fc.nat(),
      after: fc.option(fc.constantFrom(0, USD(5), USD(10), USD(20), USD(15)), { freq: 3 }),
    });
    let answered = 0;
    let asked = 0;
    fc.assert(
      fc.property(scenario, ({ world, changed, after }) => {
        const groups = worldGroups(world);
        const group = groups[changed % groups.length]!;
        const ids = membersOf(world, group.id);
        const rowsBefore = memberRows(world, group, ids);
        const budgets = new Map(world.budgets);
        if (after === null) budgets.delete(group.id);
        else budgets.set(group.id, after);
        const worldAfter = { ...world, budgets };
        const rowsAfter = memberRows(worldAfter, group, ids);
        const before = world.budgets.get(group.id) ?? null;
        const derived = rowsBefore.map((r) =>
          memberAfterBudgetChange(r, { groupId: group.id, organizationId: group.organization_id, before, after }),
        );
        derived.forEach((d, i) => {
          asked++;
          if (d === undefined) return;
          answered++;
          expect(d).toEqual(rowsAfter[i]);
        });
        // With every row known, the group's total follows from them.
        if (derived.every((d) => d !== undefined)) {
          const total = totalLimitFromRows(derived as GroupMemberAISpend[], group.id, after);
          expect(total === null ? null : Number(total)).toBe(groupRow(worldAfter, group).total_spend_limit_micros);
        }
      }),
      { numRuns: 1500 },
    );
    // Most rows are settled without asking the server again.
    expect(answered / asked).toBeGreaterThan(0.7);
  });
});
