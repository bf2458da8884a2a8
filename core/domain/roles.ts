// Coder's display names of the roles this app knows; any other shows its name.
const ROLE_DISPLAY_NAMES: Record<string, string> = {
  owner: "Owner",
  "user-admin": "User Admin",
  "organization-admin": "Organization Admin",
  "organization-user-admin": "Organization User Admin",
};

export const roleDisplayName = (name: string) => ROLE_DISPLAY_NAMES[name] ?? name;

/** Who may list an organization's members: its members, and Owners and User Admins anywhere (as Coder's RBAC). */
export const canReadOrganizationMembers = (
  viewer: { siteRoles: readonly string[]; memberships: readonly { organization_id: string }[] },
  organizationId: string,
) =>
  viewer.siteRoles.includes("owner") ||
  viewer.siteRoles.includes("user-admin") ||
  viewer.memberships.some((m) => m.organization_id === organizationId);
