// Groups: listing, reading, and renaming or changing members (audited).
import { http, HttpResponse } from "msw";
import {
  DUPLICATE_MEMBER_MESSAGE,
  EVERYONE_MEMBERSHIP_MESSAGE,
  invalidUserIdMessage,
  notOrganizationMemberMessage,
} from "../../../core/types";
import { checkMembersQuery, pageOfMembers } from "../../../core/domain/groupMembersQuery";
import { membersOf } from "../../../core/domain/budgetWorld";
import { checkPatchGroupBody, isUuid } from "../../../core/requestChecks";
import { groupAuditEntry } from "../../../core/domain/audit";
import {
  allGroups,
  audit,
  canRead,
  canUpdate,
  isEveryone,
  organizationsOf,
  readableGroup,
  readableOrganization,
  served,
  world,
} from "./access";
import { brokenJson, error, notFound, readJson, unauthorized } from "./responses";
import { actorName, mockBackend, pickReducedUser, userByName } from "./state";

export const groupHandlers = [
  http.get("*/api/v2/organizations/:organization/groups", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const organization = readableOrganization(params.organization);
    if (!organization) return notFound();
    return HttpResponse.json(
      mockBackend.groups.filter((g) => g.organization_id === organization.id && canRead(g)).map(served),
    );
  }),

  http.get("*/api/v2/organizations/:organization/groups/:groupName", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    // Everyone groups included, as the server holds them.
    const group = allGroups().find((g) => g.organization_name === params.organization && g.name === params.groupName);
    return group && canRead(group) ? HttpResponse.json(served(group)) : notFound();
  }),

  http.get("*/api/v2/groups/:groupId", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const group = readableGroup(String(params.groupId));
    return group ? HttpResponse.json(served(group)) : notFound();
  }),

  http.get("*/api/v2/groups/:groupId/members", ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const group = readableGroup(String(params.groupId));
    if (!group) return notFound();
    const query = checkMembersQuery(new URL(request.url).searchParams);
    if (!query.ok) return error(query.status, query.body);
    const ids = new Set(membersOf(world(), group.id));
    const members = mockBackend.users
      .filter((u) => ids.has(u.id))
      .map((u) => ({ ...pickReducedUser(u), last_seen_at: u.last_seen_at ?? u.created_at }));
    return HttpResponse.json(pageOfMembers(members, query.value));
  }),

  http.patch("*/api/v2/groups/:groupId", async ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const group = readableGroup(String(params.groupId));
    if (!group || !canUpdate(group)) return notFound();
    const body = await readJson(request);
    if (!body.ok) return brokenJson(body);
    const checked = checkPatchGroupBody(body.value);
    if (!checked.ok) return error(checked.status, checked.body);
    const { add_users, remove_users, ...fields } = checked.value;
    if (
      fields.name !== undefined &&
      mockBackend.groups.some(
        (g) => g.id !== group.id && g.organization_id === group.organization_id && g.name === fields.name,
      )
    ) {
      return error(409, {
        message: `A group named "${fields.name}" already exists.`,
        validations: [{ field: "name", detail: "This name is already taken." }],
      });
    }
    const users = [...add_users, ...remove_users];
    // Coder's order of refusals: Everyone's members are the organization's, then ids, then membership.
    if (users.length > 0 && isEveryone(group)) return error(403, { message: EVERYONE_MEMBERSHIP_MESSAGE });
    const badId = users.find((id) => !isUuid(id));
    if (badId !== undefined) return error(400, { message: invalidUserIdMessage(badId) });
    // A group holds only members of its own organization; an unknown user is no member of it either.
    if (users.some((id) => !organizationsOf(id.toLowerCase()).includes(group.organization_id))) {
      return error(400, { message: notOrganizationMemberMessage(group.name) });
    }
    const adding = add_users.map((id) => id.toLowerCase());
    if (new Set(adding).size < adding.length || group.members.some((m) => adding.includes(m.id))) {
      return error(400, { message: DUPLICATE_MEMBER_MESSAGE });
    }
    const added = adding.map((id) => userByName(id)!);
    const before = {
      name: group.name,
      display_name: group.display_name,
      avatar_url: group.avatar_url,
      quota_allowance: group.quota_allowance,
    };
    const changed = Object.fromEntries(
      Object.entries(fields).map(([field, value]) => [
        field,
        { old: before[field as keyof typeof before], new: value },
      ]),
    );
    const joined: string[] = [];
    const left: string[] = [];
    Object.assign(group, fields);
    if (!isEveryone(group)) {
      const members = new Map(group.members.map((m) => [m.id, m]));
      for (const user of added) {
        if (!members.has(user.id)) joined.push(user.username);
        members.set(user.id, pickReducedUser(user));
      }
      for (const id of remove_users) {
        const leaving = members.get(id);
        if (leaving) left.push(leaving.username);
        members.delete(id);
        // As in Coder, an override must name a group its user is in: leaving the group removes it.
        if (mockBackend.overrides.get(id)?.group_id === group.id) mockBackend.overrides.delete(id);
      }
      group.members = [...members.values()].sort((a, b) =>
        a.username < b.username ? -1 : a.username > b.username ? 1 : 0,
      );
      group.total_member_count = group.members.length;
    }
    const entry = groupAuditEntry(actorName(), group, { fields: changed, added: joined, removed: left });
    if (entry) audit(entry);
    return HttpResponse.json(served(group));
  }),
];
