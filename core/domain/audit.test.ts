// What the audit log says of each budget and override change: who, which
// group or user, and the change in money as an admin reads it.
import { describe, expect, it } from "vitest";
import { budgetAuditEntry, overrideAuditEntry } from "./audit";

const developers = { id: "g1", name: "developers", organization_id: "org" };
const alice = { id: "u1", username: "alice" };

describe("a group budget change", () => {
  it("first set: create, from no budget", () => {
    expect(budgetAuditEntry("admin", developers, null, 1_000_000_000)).toEqual({
      action: "write",
      resource_type: "group_ai_budget",
      resource_id: "g1",
      resource_target: "developers",
      organization_id: "org",
      diff: { spend_limit_micros: { old: "no budget", new: "$1,000.00" } },
      description: 'admin changed the AI budget of group "developers": no budget → $1,000.00',
      status_code: 200,
    });
  });

  it("changed: write, old and new in dollars, $0 included", () => {
    expect(budgetAuditEntry("orgadmin", developers, 1_000_000_000, 0)).toMatchObject({
      action: "write",
      diff: { spend_limit_micros: { old: "$1,000.00", new: "$0.00" } },
      description: 'orgadmin changed the AI budget of group "developers": $1,000.00 → $0.00',
      status_code: 200,
    });
  });

  it("removed: delete, answered 204", () => {
    expect(budgetAuditEntry("admin", developers, 1, null)).toMatchObject({
      action: "delete",
      diff: { spend_limit_micros: { old: "$0.000001", new: "no budget" } },
      description: 'admin changed the AI budget of group "developers": $0.000001 → no budget',
      status_code: 204,
    });
  });
});

describe("an override change", () => {
  const set = (usd: number, group_name = "developers") => ({ spend_limit_micros: usd * 1_000_000, group_name });

  it("first set: create, naming the group it is charged to", () => {
    expect(overrideAuditEntry("useradmin", alice, "org", undefined, set(9_000))).toEqual({
      action: "write",
      resource_type: "user_ai_budget_override",
      resource_id: "u1",
      resource_target: "alice",
      organization_id: "org",
      diff: { spend_limit_micros: { old: "no override", new: "$9,000.00" }, group: { old: "", new: "developers" } },
      description: 'useradmin changed the AI budget override of alice: no override → $9,000.00 charged to "developers"',
      status_code: 200,
    });
  });

  it("moved to another group: write", () => {
    expect(overrideAuditEntry("admin", alice, "org", set(5), set(5, "data-science"))).toMatchObject({
      action: "write",
      diff: { spend_limit_micros: { old: "$5.00", new: "$5.00" }, group: { old: "developers", new: "data-science" } },
      description:
        'admin changed the AI budget override of alice: $5.00 charged to "developers" → $5.00 charged to "data-science"',
      status_code: 200,
    });
  });

  it("removed: delete, answered 204", () => {
    expect(overrideAuditEntry("admin", alice, "org", set(5), undefined)).toMatchObject({
      action: "delete",
      diff: { spend_limit_micros: { old: "$5.00", new: "no override" }, group: { old: "developers", new: "" } },
      description: 'admin changed the AI budget override of alice: $5.00 charged to "developers" → no override',
      status_code: 204,
    });
  });
});
