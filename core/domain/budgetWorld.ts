// Coder's budget rules over a whole deployment held in memory: the MSW
// handlers answer from it, and the property tests hold the embedded server's
// SQL to it. Only the shapes the rules need; no period handling here, since
// `spend` lists this period's spend only.
import type { GroupAISpend, GroupMemberAISpend, UserAISpend } from "../types";
import {
  groupSpendRow,
  inIdOrder,
  memberSpendRow,
  resolveGoverning,
  type Governing,
  type GroupRef,
  type ResolutionInput,
} from "./budgetRules";
import { sumMicros } from "../currency";

export interface BudgetWorld {
  organizations: readonly { id: string; is_default: boolean }[];
  /** Who belongs to which organization, and since when (ms). Every member is in its Everyone group. */
  organizationMembers: readonly { organization_id: string; user_id: string; member_since: number }[];
  /** Groups other than the Everyone groups (whose id is their organization's). */
  groups: readonly GroupRef[];
  groupMembers: readonly { group_id: string; user_id: string }[];
  budgets: ReadonlyMap<string, number>;
  overrides: ReadonlyMap<string, { group_id: string; spend_limit_micros: number }>;
  /** This period's spend, each amount charged to the group that governed the user then. */
  spend: readonly { user_id: string; group_id: string; micros: number }[];
}

export function groupRef(world: BudgetWorld, groupId: string): GroupRef | undefined {
  if (world.organizations.some((o) => o.id === groupId)) return { id: groupId, organization_id: groupId };
  return world.groups.find((g) => g.id === groupId);
}

/** A group's members: explicit ones, or every organization member for an Everyone group. */
export function membersOf(world: BudgetWorld, groupId: string): string[] {
  const explicit = world.groupMembers.filter((m) => m.group_id === groupId).map((m) => m.user_id);
  const everyone = world.organizationMembers.filter((m) => m.organization_id === groupId).map((m) => m.user_id);
  return [...new Set([...explicit, ...everyone])];
}

export function resolutionInput(world: BudgetWorld, userId: string): ResolutionInput {
  const memberships = world.organizationMembers.filter((m) => m.user_id === userId);
  const joined = new Map(memberships.map((m) => [m.organization_id, m.member_since]));
  const groupIds = [
    ...world.groupMembers.filter((m) => m.user_id === userId).map((m) => m.group_id),
    ...memberships.map((m) => m.organization_id),
  ];
  const budgeted = [...new Set(groupIds)].flatMap((id) => {
    const group = groupRef(world, id);
    const limit = world.budgets.get(id);
    const since = group && joined.get(group.organization_id);
    return group && limit !== undefined && since !== undefined
      ? [{ group_id: id, organization_id: group.organization_id, spend_limit_micros: limit, member_since: since }]
      : [];
  });
  const override = world.overrides.get(userId);
  const overrideGroup = override && groupRef(world, override.group_id);
  return {
    override: override && overrideGroup ? { ...override, organization_id: overrideGroup.organization_id } : null,
    budgeted,
    organizations: memberships.map((m) => ({
      organization_id: m.organization_id,
      is_default: world.organizations.find((o) => o.id === m.organization_id)?.is_default ?? false,
      member_since: m.member_since,
    })),
  };
}

export const governingOf = (world: BudgetWorld, userId: string): Governing | null =>
  resolveGoverning(resolutionInput(world, userId));

/** Spend charged to a group this period, by one user or by all (summed exactly; the wire carries a number). */
export const chargedSpend = (world: BudgetWorld, groupId: string, userId?: string): number =>
  Number(
    sumMicros(
      world.spend
        .filter((s) => s.group_id === groupId && (userId === undefined || s.user_id === userId))
        .map((s) => s.micros),
    ),
  );

/** The members' rows for those of `userIds` who are members of the group, in id order. */
export function memberRows(world: BudgetWorld, group: GroupRef, userIds: string[]): GroupMemberAISpend[] {
  const members = new Set(membersOf(world, group.id));
  return inIdOrder(new Set(userIds))
    .filter((id) => members.has(id))
    .map((id) => memberSpendRow(group, id, governingOf(world, id), chargedSpend(world, group.id, id)));
}

export function groupRow(world: BudgetWorld, group: GroupRef): GroupAISpend {
  const governing = membersOf(world, group.id).map((id) => governingOf(world, id));
  return groupSpendRow(group, world.budgets.get(group.id) ?? null, governing, chargedSpend(world, group.id));
}

export function userSpendStatus(
  world: BudgetWorld,
  userId: string,
  period: { period_start: string; period_end: string },
): UserAISpend {
  const governing = governingOf(world, userId);
  return {
    user_id: userId,
    effective_group_id: governing?.group_id ?? null,
    effective_budget: governing?.limit ?? null,
    current_spend_micros: governing ? chargedSpend(world, governing.group_id, userId) : 0,
    ...period,
  };
}
