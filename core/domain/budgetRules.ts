// Coder's AI budget rules, written once. The embedded server (over what its SQL
// reads), the MSW handlers (over their in-memory world) and the browser's
// after-save derivation all decide with these functions, so the three cannot
// disagree. The rules follow Coder's cost-control queries
// (GetHighestGroupAIBudgetByUser, GetUserEveryoneFallbackGroup,
// GetGroupMembersAISpend, GetOrganizationGroupsAISpend,
// GetOverBudgetUsersPerGroup); docs/coder-conformance.md maps each to its test.
import type { EffectiveBudget, GroupAISpend, GroupMemberAISpend } from "../types";
import { sumMicros } from "../currency";

/** A budgeted group the user belongs to (the Everyone group included). */
export interface BudgetedMembership {
  group_id: string;
  organization_id: string;
  spend_limit_micros: number;
  /** When the user joined the group's organization, in ms since the epoch. */
  member_since: number;
}

/** An organization the user belongs to: its Everyone group is a fallback. */
export interface OrganizationMembership {
  organization_id: string;
  is_default: boolean;
  member_since: number;
}

/** Everything that decides which budget governs one user. */
export interface ResolutionInput {
  override: { group_id: string; organization_id: string; spend_limit_micros: number } | null;
  budgeted: BudgetedMembership[];
  organizations: OrganizationMembership[];
}

/** The group a user's spend is charged to, and the limit that applies there (none: unlimited). */
export interface Governing {
  group_id: string;
  organization_id: string;
  limit: EffectiveBudget | null;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Coder answers spend rows in id order (its queries sort by the uuid, which orders as lowercase hex). */
export const inIdOrder = (ids: Iterable<string>): string[] => [...ids].sort(byId);

/**
 * Whether budgeted membership `a` wins over `b`: the higher limit; on a tie
 * the organization joined first; then the lower group id.
 */
export function outranks(a: BudgetedMembership, b: BudgetedMembership): boolean {
  if (a.spend_limit_micros !== b.spend_limit_micros) return a.spend_limit_micros > b.spend_limit_micros;
  if (a.member_since !== b.member_since) return a.member_since < b.member_since;
  return byId(a.group_id, b.group_id) < 0;
}

/**
 * The user's effective group, deployment-wide: an override's group; else
 * their budgeted group with the highest limit; else the Everyone group of
 * the default organization (then the one joined first), with no limit.
 * Null only for a user in no organization.
 */
export function resolveGoverning(input: ResolutionInput): Governing | null {
  const { override, budgeted, organizations } = input;
  if (override) {
    return {
      group_id: override.group_id,
      organization_id: override.organization_id,
      limit: { spend_limit_micros: override.spend_limit_micros, limit_source: "user_override" },
    };
  }
  const best = budgeted.reduce<BudgetedMembership | undefined>(
    (winner, m) => (!winner || outranks(m, winner) ? m : winner),
    undefined,
  );
  if (best) {
    return {
      group_id: best.group_id,
      organization_id: best.organization_id,
      limit: { spend_limit_micros: best.spend_limit_micros, limit_source: "group" },
    };
  }
  const fallback = [...organizations].sort(
    (a, b) =>
      Number(b.is_default) - Number(a.is_default) ||
      a.member_since - b.member_since ||
      byId(a.organization_id, b.organization_id),
  )[0];
  return fallback
    ? { group_id: fallback.organization_id, organization_id: fallback.organization_id, limit: null }
    : null;
}

/**
 * The user's effective group for a request assigned to one organization
 * (Coder v2.40's request organizations): their override if it is charged to a
 * group there, else their highest budgeted group there, else its Everyone
 * group, unlimited. Null when they are not a member.
 */
export function resolveGoverningIn(input: ResolutionInput, organizationId: string): Governing | null {
  const organizations = input.organizations.filter((o) => o.organization_id === organizationId);
  if (organizations.length === 0) return null;
  return resolveGoverning({
    override: input.override?.organization_id === organizationId ? input.override : null,
    budgeted: input.budgeted.filter((m) => m.organization_id === organizationId),
    organizations,
  });
}

export interface GroupRef {
  id: string;
  organization_id: string;
}

/**
 * One member's row in a group's members' spend: the effective group only when
 * it is in this group's organization, its limit likewise, this group's limit
 * only when this group governs, and the spend charged to this group.
 */
export function memberSpendRow(
  group: GroupRef,
  userId: string,
  governing: Governing | null,
  spendChargedToGroup: number,
): GroupMemberAISpend {
  const sameOrganization = governing !== null && governing.organization_id === group.organization_id;
  return {
    user_id: userId,
    effective_group_id: sameOrganization ? governing.group_id : null,
    effective_budget: sameOrganization ? governing.limit : null,
    group_budget: governing?.group_id === group.id ? governing.limit : null,
    group_spend_micros: spendChargedToGroup,
  };
}

/**
 * The limit of everyone `group` governs: its per-member limit for each member
 * it governs without an override, plus each override charged to it. Members
 * governed elsewhere add nothing; without a budget of its own, null. In BigInt,
 * since 1,000,000 dollars × many members passes 2^53 micros.
 */
export function groupTotalLimit(
  group: GroupRef,
  spendLimitMicros: number | null,
  membersGoverning: Iterable<Governing | null>,
): bigint | null {
  if (spendLimitMicros === null) return null;
  const limits: number[] = [];
  for (const governing of membersGoverning) {
    if (governing?.group_id === group.id && governing.limit) limits.push(governing.limit.spend_limit_micros);
  }
  return sumMicros(limits);
}

export function groupSpendRow(
  group: GroupRef,
  spendLimitMicros: number | null,
  membersGoverning: Iterable<Governing | null>,
  spendChargedToGroup: number,
): GroupAISpend {
  const total = groupTotalLimit(group, spendLimitMicros, membersGoverning);
  return {
    group_id: group.id,
    spend_limit_micros: spendLimitMicros,
    total_spend_limit_micros: total === null ? null : Number(total),
    current_spend_micros: spendChargedToGroup,
  };
}

/** Over budget: a limit applies and the spend charged to the effective group has reached it. */
export const isOverBudget = (governing: Governing | null, spendChargedToEffectiveGroup: number): boolean =>
  governing?.limit != null && spendChargedToEffectiveGroup >= governing.limit.spend_limit_micros;

/**
 * How many of a group's members' rows are over budget there, by Coder's rule
 * (GetOverBudgetUsersPerGroup): the group is their effective group, a limit
 * applies (the group's or an override charged to it), and the spend charged
 * to the group has reached it.
 */
export const overBudgetCount = (groupId: string, rows: Iterable<GroupMemberAISpend>): number => {
  let count = 0;
  for (const row of rows) {
    if (
      row.effective_group_id === groupId &&
      row.group_budget &&
      row.group_spend_micros >= row.group_budget.spend_limit_micros
    )
      count += 1;
  }
  return count;
};

/** The group a members' row says governs, relative to the group being viewed. */
export type MemberBudgetCell =
  | { kind: "this"; limit: EffectiveBudget; spent: number }
  | { kind: "unallocated"; spent: number }
  | { kind: "otherGroup"; groupId: string; custom: boolean; spent: number }
  | { kind: "otherOrganization" };

/**
 * How the members tab shows a row: this group's limit (its own or an override
 * charged here), the Everyone group with no budget anywhere, another group of
 * this organization (its spend here, no limit), or a group in another
 * organization that cannot be shown.
 */
export function memberBudgetCell(group: GroupRef, row: GroupMemberAISpend): MemberBudgetCell {
  const governing = row.effective_group_id;
  if (governing === null) return { kind: "otherOrganization" };
  if (governing === group.id && row.group_budget)
    return { kind: "this", limit: row.group_budget, spent: row.group_spend_micros };
  if (governing === group.organization_id && row.effective_budget === null)
    return { kind: "unallocated", spent: row.group_spend_micros };
  return {
    kind: "otherGroup",
    groupId: governing,
    custom: row.effective_budget?.limit_source === "user_override",
    spent: row.group_spend_micros,
  };
}

/** Who may see which rows of a group's members' spend: its admins every row, a member only their own. */
export const visibleMemberIds = (requested: string[], viewerId: string, viewerMayUpdateGroup: boolean): string[] =>
  viewerMayUpdateGroup ? requested : requested.filter((id) => id === viewerId);
