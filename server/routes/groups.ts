import { Hono } from "hono";
import {
  DUPLICATE_MEMBER_MESSAGE,
  EVERYONE_MEMBERSHIP_MESSAGE,
  invalidUserIdMessage,
  notOrganizationMemberMessage,
} from "../../core/types";
import { checkMembersQuery } from "../../core/domain/groupMembersQuery";
import { checkPatchGroupBody } from "../../core/requestChecks";
import { DuplicateMemberError, isForeignKeyViolation, isUniqueViolation } from "../db/store";
import { apiError, readJson, resourceNotFound, UUID_PATTERN, type AppEnv } from "../httpapi";
import { canReadGroup, canUpdateGroup } from "../rbac";
import { readableGroup, readableOrganization } from "./middleware";

export function groupRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get("/organizations/:organization/groups", async (c) => {
    const { store } = c.get("deps");
    const found = await readableOrganization(c);
    if ("response" in found) return found.response;
    const { organization } = found;
    const user = c.get("user");
    const all = await store.groups.inOrganization(organization.id);
    const visible = [];
    for (const group of all) {
      if (await canReadGroup(store, user, group)) visible.push(group);
    }
    return c.json(visible);
  });

  routes.get("/organizations/:organization/groups/:groupName", async (c) => {
    const { store } = c.get("deps");
    const found = await readableOrganization(c);
    if ("response" in found) return found.response;
    const group = await store.groups.byName(found.organization.id, c.req.param("groupName"));
    if (!group || !(await canReadGroup(store, c.get("user"), group))) return resourceNotFound(c);
    return c.json(group);
  });

  routes.get("/groups/:group", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    const group = await c.get("deps").store.groups.byId(found.group.id);
    return group ? c.json(group) : resourceNotFound(c);
  });

  routes.patch("/groups/:group", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    const { group } = found;
    if (!canUpdateGroup(c.get("user"), group)) return resourceNotFound(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const checked = checkPatchGroupBody(body.value);
    if (!checked.ok) return c.json(checked.body, 400);
    const { add_users, remove_users, ...fields } = checked.value;
    if (group.id === group.organization_id && fields.name !== undefined && fields.name !== group.name) {
      return apiError(c, 400, 'The "Everyone" group cannot be renamed.', {
        validations: [{ field: "name", detail: 'The "Everyone" group cannot be renamed.' }],
      });
    }
    const users = [...add_users, ...remove_users];
    // Coder's order of refusals: Everyone's members are the organization's, then ids, then membership.
    if (users.length > 0 && group.id === group.organization_id) return apiError(c, 403, EVERYONE_MEMBERSHIP_MESSAGE);
    const badId = users.find((id) => !UUID_PATTERN.test(id));
    if (badId !== undefined) return apiError(c, 400, invalidUserIdMessage(badId));
    const { store } = c.get("deps");
    // A group holds only members of its own organization; an unknown user is no member of it either.
    const outsiders = await store.organizations.notMembers(group.organization_id, users);
    if (outsiders.length > 0) return apiError(c, 400, notOrganizationMemberMessage(group.name));
    try {
      const updated = await store.groups.update(
        group.id,
        fields,
        { add: add_users, remove: remove_users },
        c.get("user").row,
      );
      return updated ? c.json(updated) : resourceNotFound(c);
    } catch (error) {
      if (isUniqueViolation(error)) {
        return apiError(c, 409, `A group named "${fields.name}" already exists.`, {
          validations: [{ field: "name", detail: "This name is already taken." }],
        });
      }
      if (error instanceof DuplicateMemberError) return apiError(c, 400, DUPLICATE_MEMBER_MESSAGE);
      if (isForeignKeyViolation(error)) {
        return apiError(c, 400, "Every added user must exist.");
      }
      throw error;
    }
  });

  routes.get("/groups/:group/members", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    const query = checkMembersQuery(new URL(c.req.url).searchParams);
    if (!query.ok) return c.json(query.body, 400);
    return c.json(await c.get("deps").store.memberships.page(found.group.id, query.value));
  });

  return routes;
}
