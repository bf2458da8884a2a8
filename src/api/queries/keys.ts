// Every query key the app uses, in one place, so a cache patch names exactly
// what it changes. Keys are hierarchical: a prefix matches everything under
// it. A group's data is keyed by its id; its name (what URLs carry) only
// resolves to that id (`groupIdByName`), so a rename changes one entry.
// Every spend answer sits under `aiSpend`: a change that moves limits marks
// them all stale with one prefix.
import type { AuthorizationRequest } from "../../../core/types";

export const queryKeys = {
  me: ["me"] as const,
  entitlements: ["entitlements"] as const,
  authMethods: ["deployment", "authMethods"] as const,
  buildInfo: ["deployment", "buildInfo"] as const,
  /** Set (to true) once an AI route answered "Route not found.": the deployment has none. */
  aiRoutesMissing: ["deployment", "aiRoutesMissing"] as const,
  authCheck: (request: AuthorizationRequest) => ["authCheck", request] as const,

  /** The organizations the viewer may read (not under "organizations": that prefix is each organization's data). */
  organizationList: ["organizationList"] as const,
  groups: (organization: string) => ["organizations", organization, "groups"] as const,
  /** A group's name in an organization, answering the group's id. */
  groupIdByName: (organization: string, groupName: string) =>
    ["organizations", organization, "groupNames", groupName] as const,
  group: (groupId: string) => ["groups", groupId] as const,
  /** The organization's members matching a search (the Add users dialog). */
  organizationMembers: (organization: string, search: string) =>
    ["organizations", organization, "members", search] as const,
  groupAIBudget: (groupId: string) => ["groups", groupId, "aiBudget"] as const,
  /** One page of a group's members for a search; every page sits under `group(groupId)`. */
  groupMembersPage: (groupId: string, search: string, page: number) =>
    ["groups", groupId, "members", search, page] as const,
  /** Set once the deployment answers that it has no paged members route (pages are then cut from the group). */
  pagedMembersMissing: ["coder", "pagedMembersMissing"] as const,
  userAIBudgetOverride: (user: string) => ["users", user, "aiBudgetOverride"] as const,

  /** Every spend answer. */
  aiSpend: ["aiSpend"] as const,
  /** Every answer about one group's members' spend, whichever members it lists. */
  groupMembersAISpend: (groupId: string) => ["aiSpend", "groupMembers", groupId] as const,
  groupOverBudgetCount: (groupId: string) => ["aiSpend", "groupOverBudget", groupId] as const,
  groupsAISpend: (organization: string, groupIds: string[]) =>
    ["aiSpend", "groups", organization, groupIds.join(",")] as const,
  userAISpend: (user: string) => ["aiSpend", "user", user] as const,
  /** One group's spend row (Coder v2.40's endpoint, or the organization's groups' spend for one id). */
  groupAISpend: (groupId: string) => ["aiSpend", "group", groupId] as const,
  userOrganizationsAISpend: (user: string) => ["aiSpend", "userOrganizations", user] as const,
  /** A page of the per-user report: past days, so outside `aiSpend` as the export is. */
  aiSpendUsers: (organization: string, query: object) =>
    ["organizations", organization, "aiSpendUsers", query] as const,
  /** The parsed CSV export: a report of past days, not a live answer, so outside `aiSpend`. */
  aiSpendExport: (organization: string, period: { start: string; end: string } | undefined) =>
    ["organizations", organization, "aiSpendExport", period?.start, period?.end] as const,
  /** A page of the audit log for one search query. */
  auditLogs: (q: string, limit: number, offset: number) => ["audit", q, limit, offset] as const,
  /** One UTC day's export, summed: recorded spend of a past day never changes. */
  aiSpendDay: (organization: string, day: string) => ["organizations", organization, "aiSpendDay", day] as const,
};

/**
 * A 32-bit FNV-1a hash of every id, in order: a key that tells any two lists
 * apart in practice, without putting 10,000 ids in it.
 */
export function idsFingerprint(ids: string[]): string {
  let hash = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) {
      hash ^= id.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash = Math.imul(hash ^ 0x2c, 0x01000193) >>> 0;
  }
  return hash.toString(16);
}
