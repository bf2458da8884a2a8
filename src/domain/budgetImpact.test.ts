import { describe, expect, it } from "vitest";
import type { GroupMemberAISpend } from "../api/types";
import { budgetImpact } from "./budgetImpact";

const member = (
  user_id: string,
  spent: number,
  effective_group_id: string | null,
  budget: GroupMemberAISpend["effective_budget"],
): GroupMemberAISpend => ({ user_id, effective_group_id, effective_budget: budget, group_budget: null, group_spend_micros: spent });
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
