// Who may do what, as in Coder: owners may do everything; an organization's
// admins (and user admins) may update its groups and budgets; a group's members
// may read the group and its budget; nobody else sees the group at all.
import type { Group } from "../src/api/types";
import type { Store } from "./db/store";
import type { SessionUser } from "./httpapi";

const GROUP_ADMIN_ROLES = new Set(["organization-admin", "organization-user-admin"]);

export const isOwner = (user: SessionUser) => user.row.site_roles.includes("owner");

export function canUpdateGroup(user: SessionUser, group: Pick<Group, "organization_id">): boolean {
  if (isOwner(user)) return true;
  const membership = user.memberships.find((m) => m.organization_id === group.organization_id);
  return Boolean(membership?.roles.some((role) => GROUP_ADMIN_ROLES.has(role)));
}

export async function canReadGroup(
  store: Store,
  user: SessionUser,
  group: Pick<Group, "id" | "organization_id">,
): Promise<boolean> {
  return canUpdateGroup(user, group) || store.isGroupMember(group.id, user.row.id);
}

export const canReadAuditLogs = (user: SessionUser) =>
  isOwner(user) || user.memberships.some((m) => m.roles.includes("organization-admin"));
