// Who may do what with groups, budgets and overrides, as Coder's roles allow:
// Owners and User Admins everything; an organization's admins and user admins
// its groups and budgets, and reading its members' overrides; a group's
// members reading the group and their own spend. The embedded server and the
// MSW handlers both decide with these functions.
import type { AuthorizationCheck } from "../types";

export interface Viewer {
  id: string;
  siteRoles: readonly string[];
  memberships: readonly { organization_id: string; roles: readonly string[] }[];
}

const GROUP_ADMIN_ROLES = new Set(["organization-admin", "organization-user-admin"]);
/** Coder's read of groups, their members and spend: these site roles everywhere… */
const SITE_READER_ROLES = new Set(["owner", "user-admin", "auditor", "template-admin"]);
/** …and these roles in their organization. */
const ORGANIZATION_READER_ROLES = new Set([
  "organization-admin",
  "organization-user-admin",
  "organization-auditor",
  "organization-template-admin",
]);

export const isOwner = (viewer: Viewer) => viewer.siteRoles.includes("owner");

/** Owners and User Admins: the deployment-wide roles that manage users, and so their overrides. */
export const canUpdateUsers = (viewer: Viewer) => isOwner(viewer) || viewer.siteRoles.includes("user-admin");

export function canUpdateGroup(viewer: Viewer, organizationId: string): boolean {
  if (canUpdateUsers(viewer)) return true;
  const membership = viewer.memberships.find((m) => m.organization_id === organizationId);
  return Boolean(membership?.roles.some((role) => GROUP_ADMIN_ROLES.has(role)));
}

/**
 * Coder's read of an organization's groups, every member row, the groups'
 * spend and the export: Owner, User Admin, Auditor, Template Admin, and the
 * organization's Admin, User Admin, Auditor and Template Admin. Writes stay
 * with canUpdateGroup.
 */
export function canReadGroupsOf(viewer: Viewer, organizationId: string): boolean {
  if (viewer.siteRoles.some((role) => SITE_READER_ROLES.has(role))) return true;
  const membership = viewer.memberships.find((m) => m.organization_id === organizationId);
  return Boolean(membership?.roles.some((role) => ORGANIZATION_READER_ROLES.has(role)));
}

/**
 * Whether an organization exists for the viewer (and `GET /organizations` lists it): its members and the
 * site-wide readers (Owner, User Admin, Auditor, Template Admin); others get 404.
 */
export const canReadOrganization = (viewer: Viewer, organizationId: string): boolean =>
  viewer.siteRoles.some((role) => SITE_READER_ROLES.has(role)) ||
  viewer.memberships.some((m) => m.organization_id === organizationId);

/** Another user's spend and override: themselves, Owners and User Admins, admins of an organization they are in. */
export const canReadUserBudget = (viewer: Viewer, targetId: string, targetOrganizations: readonly string[]): boolean =>
  targetId === viewer.id ||
  canUpdateUsers(viewer) ||
  targetOrganizations.some((id) => canUpdateGroup(viewer, id) || canReadGroupsOf(viewer, id));

/**
 * A user's spend and budget, or their override, where it is charged to a group
 * of `organizationId` (null: no group): themselves, Owners and User Admins, and
 * the admins of that organization. An organization's admins read nothing of
 * another organization, though the user is a member of both: Coder's
 * members-spend route hides a governing group of another organization the same way.
 */
export const canReadUserBudgetIn = (viewer: Viewer, targetId: string, organizationId: string | null): boolean =>
  targetId === viewer.id ||
  canUpdateUsers(viewer) ||
  (organizationId !== null && canUpdateGroup(viewer, organizationId));

/** Whose audit rows a viewer reads: an Owner every organization's, an organization admin only their organizations'. */
export function auditOrganizations(viewer: Viewer): "all" | string[] {
  if (isOwner(viewer)) return "all";
  return viewer.memberships.filter((m) => m.roles.includes("organization-admin")).map((m) => m.organization_id);
}

export const canReadAuditLogs = (viewer: Viewer) => {
  const organizations = auditOrganizations(viewer);
  return organizations === "all" || organizations.length > 0;
};

/** An audit row the viewer may read. */
export const canReadAuditRow = (viewer: Viewer, row: { organization_id: string }) => {
  const organizations = auditOrganizations(viewer);
  return organizations === "all" || organizations.includes(row.organization_id);
};

/** What an authorization check needs to know about the deployment. */
export interface AuthorizationFacts {
  groupOrganization(groupId: string): Promise<string | undefined> | string | undefined;
  isGroupMember(groupId: string, userId: string): Promise<boolean> | boolean;
}

/** One check of `POST /authcheck`, answered for the resource types this module asks about. */
export async function authorize(
  viewer: Viewer,
  check: AuthorizationCheck,
  facts: AuthorizationFacts,
): Promise<boolean> {
  const { resource_type, resource_id, organization_id } = check?.object ?? {};
  switch (resource_type) {
    case "user":
      return check?.action === "read"
        ? canUpdateUsers(viewer) ||
            viewer.siteRoles.some((role) => SITE_READER_ROLES.has(role)) ||
            viewer.memberships.some((m) => canReadGroupsOf(viewer, m.organization_id))
        : canUpdateUsers(viewer);
    case "group": {
      const mayRead = check?.action === "read";
      if (!resource_id)
        return mayRead ? canReadGroupsOf(viewer, organization_id ?? "") : canUpdateGroup(viewer, organization_id ?? "");
      const groupOrganization = await facts.groupOrganization(resource_id);
      if (groupOrganization === undefined) return false;
      if (canUpdateGroup(viewer, groupOrganization)) return true;
      if (mayRead && canReadGroupsOf(viewer, groupOrganization)) return true;
      return check?.action === "read" && (await facts.isGroupMember(resource_id, viewer.id));
    }
    case "audit_log":
      // Coder's audit_log read: an Owner's anywhere, an organization admin's in their organization.
      return (
        check?.action === "read" &&
        (organization_id ? canReadAuditRow(viewer, { organization_id }) : canReadAuditLogs(viewer))
      );
    default:
      return isOwner(viewer);
  }
}

/** Creating and deleting an organization's groups: the roles that update its groups. */
export const canManageGroups = (viewer: Viewer, organizationId: string): boolean =>
  canUpdateGroup(viewer, organizationId);
