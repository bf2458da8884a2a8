// The server's side of core/domain/permissions.ts: its signed-in user as a
// Viewer, and the checks that need the database.
import type { Group } from "../core/types";
import * as rules from "../core/domain/permissions";
import type { Store } from "./db/store";
import type { SessionUser } from "./httpapi";

export const viewerOf = (user: SessionUser): rules.Viewer => ({
  id: user.row.id,
  siteRoles: user.row.site_roles,
  memberships: user.memberships,
});

export const isOwner = (user: SessionUser) => rules.isOwner(viewerOf(user));
export const canUpdateUsers = (user: SessionUser) => rules.canUpdateUsers(viewerOf(user));
export const canUpdateGroup = (user: SessionUser, group: Pick<Group, "organization_id">) =>
  rules.canUpdateGroup(viewerOf(user), group.organization_id);
export const canReadGroupsOf = (user: SessionUser, organizationId: string) =>
  rules.canReadGroupsOf(viewerOf(user), organizationId);
export const canReadOrganization = (user: SessionUser, organizationId: string) =>
  rules.canReadOrganization(viewerOf(user), organizationId);
export const canReadUserBudget = (user: SessionUser, targetId: string, targetOrganizations: string[]) =>
  rules.canReadUserBudget(viewerOf(user), targetId, targetOrganizations);
export const canReadUserBudgetIn = (user: SessionUser, targetId: string, organizationId: string | null) =>
  rules.canReadUserBudgetIn(viewerOf(user), targetId, organizationId);
export const canReadAuditLogs = (user: SessionUser) => rules.canReadAuditLogs(viewerOf(user));

export async function canReadGroup(
  store: Store,
  user: SessionUser,
  group: Pick<Group, "id" | "organization_id">,
): Promise<boolean> {
  return canReadGroupsOf(user, group.organization_id) || store.memberships.isMember(group.id, user.row.id);
}
