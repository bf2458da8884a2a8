// What a group's new budget does to its members' effective budgets, worked out
// in the browser from what the members' spend answer already says, wherever
// that is certain. Where it is not (the budget that governed a member went
// down or away, or a tie), the answer is "ask the server".
//
// The rules are Coder's (server/effectiveBudget.ts): an override wins; else the
// member's group with the highest budget (Everyone groups never compete); else
// the Everyone group of the organization they joined first.
import type { GroupMemberAISpend } from "../api/types";

export interface BudgetChange {
  groupId: string;
  /** The group's organization: its Everyone group has the organization's id. */
  organizationId: string;
  /** The group's budget after the save; null: none. */
  after: number | null;
}

const governedBy = (member: GroupMemberAISpend, groupId: string, limit: number | null): GroupMemberAISpend => ({
  ...member,
  effective_group_id: groupId,
  effective_budget: limit === null ? null : { spend_limit_micros: limit, limit_source: "group" },
});

/**
 * `member` (a member of the changed group, as last read) after `change`, or
 * undefined when only the server can tell.
 */
export function memberAfterBudgetChange(member: GroupMemberAISpend, change: BudgetChange): GroupMemberAISpend | undefined {
  const { groupId, organizationId, after } = change;
  const before = member.group_budget?.spend_limit_micros ?? null;
  const updated = { ...member, group_budget: after === null ? null : { spend_limit_micros: after } };
  const current = member.effective_budget;
  const governing = member.effective_group_id;
  if (current?.limit_source === "user_override") return updated;
  if (governing === null) return undefined;

  if (groupId === organizationId) {
    // The Everyone group governs only members with no budgeted group, and then
    // at its own budget, whatever that is now.
    return governing === groupId ? governedBy(updated, groupId, after) : updated;
  }
  if (governing === groupId) {
    // Still the highest if it did not go down; else another group may now be.
    return current && before !== null && after !== null && after >= before ? governedBy(updated, groupId, after) : undefined;
  }
  if (after === null) return updated;
  // Only an Everyone group can leave a member unlimited; this organization's is known by its id.
  const everyoneGoverns = current === null || governing === organizationId;
  if (everyoneGoverns || after > current.spend_limit_micros) return governedBy(updated, groupId, after);
  // Lower than the governing group's: nothing changes, provided that group is
  // not another organization's Everyone group. It cannot be if this group had
  // a budget already, since a group with a budget always beats Everyone.
  if (after < current.spend_limit_micros && before !== null) return updated;
  return undefined;
}
