// An organization's members, a page at a time: what the Add users dialog searches.
import { http, HttpResponse } from "msw";
import type { OrganizationMemberWithUserData } from "../../../core/types";
import { checkMembersQuery, pageOfMembers } from "../../../core/domain/groupMembersQuery";
import { canReadOrganizationMembers, roleDisplayName } from "../../../core/domain/roles";
import { viewer } from "./access";
import { error, notFound, unauthorized } from "./responses";
import { mockBackend, pickReducedUser } from "./state";

export const organizationMemberHandlers = [
  http.get("*/api/v2/organizations/:organization/paginated-members", ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const organization = mockBackend.organizations.find(
      (o) => o.name === params.organization || (params.organization === "default" && o.is_default),
    );
    if (!organization || !canReadOrganizationMembers(viewer(), organization.id)) return notFound();
    const query = checkMembersQuery(new URL(request.url).searchParams);
    if (!query.ok) return error(query.status, query.body);
    const memberships = new Map(
      mockBackend.organizationMembers.filter((m) => m.organization_id === organization.id).map((m) => [m.user_id, m]),
    );
    const users = mockBackend.users.filter((u) => memberships.has(u.id));
    const page = pageOfMembers(
      users.map((u) => ({ ...pickReducedUser(u), last_seen_at: u.created_at })),
      query.value,
    );
    const members = page.users.map((member): OrganizationMemberWithUserData => {
      const user = users.find((u) => u.id === member.id)!;
      const since = new Date(memberships.get(member.id)!.member_since).toISOString();
      return {
        organization_id: organization.id,
        user_id: member.id,
        username: member.username,
        name: member.name,
        email: member.email,
        avatar_url: member.avatar_url,
        roles: memberships.get(member.id)!.roles.map((name) => ({
          name,
          display_name: roleDisplayName(name),
          organization_id: organization.id,
        })),
        global_roles: user.site_roles.map((name) => ({ name, display_name: roleDisplayName(name) })),
        created_at: since,
        updated_at: since,
      };
    });
    return HttpResponse.json({ members, count: page.count });
  }),
];
