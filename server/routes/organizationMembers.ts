import { Hono } from "hono";
import type { OrganizationMemberWithUserData } from "../../core/types";
import { checkMembersQuery } from "../../core/domain/groupMembersQuery";
import { canReadOrganizationMembers, roleDisplayName } from "../../core/domain/roles";
import { resourceNotFound, type AppEnv } from "../httpapi";

/** Coder's paginated organization members: what the Add users dialog searches. */
export function organizationMemberRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get("/organizations/:organization/paginated-members", async (c) => {
    const { store } = c.get("deps");
    const organization = await store.organizations.byName(c.req.param("organization"));
    const user = c.get("user");
    const viewer = { siteRoles: user.row.site_roles, memberships: user.memberships };
    if (!organization || !canReadOrganizationMembers(viewer, organization.id)) return resourceNotFound(c);
    const query = checkMembersQuery(new URL(c.req.url).searchParams);
    if (!query.ok) return c.json(query.body, 400);
    const { rows, count } = await store.organizations.membersPage(organization.id, query.value);
    const members: OrganizationMemberWithUserData[] = rows.map(({ roles, site_roles, ...row }) => ({
      ...row,
      organization_id: organization.id,
      roles: roles.map((name) => ({ name, display_name: roleDisplayName(name), organization_id: organization.id })),
      global_roles: site_roles.map((name) => ({ name, display_name: roleDisplayName(name) })),
    }));
    return c.json({ members, count });
  });
  return routes;
}
