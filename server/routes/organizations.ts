// Organizations, and creating and deleting their groups (Coder's
// coderd/organizations.go and enterprise/coderd/groups.go).
import { Hono } from "hono";
import {
  EVERYONE_GROUP_NAME,
  EVERYONE_UNDELETABLE_MESSAGE,
  GROUP_DELETED_MESSAGE,
  GROUP_NAME_TAKEN_DETAIL,
  groupNameTakenMessage,
  RESERVED_GROUP_NAME_MESSAGE,
  reservedGroupNameDetail,
  type Organization,
} from "../../core/types";
import { canManageGroups, canReadOrganization } from "../../core/domain/permissions";
import { checkCreateGroupBody } from "../../core/requestChecks";
import { createGroup, deleteGroup } from "../db/groupLifecycle";
import { isUniqueViolation } from "../db/store";
import { apiError, readJson, resourceNotFound, type AppEnv } from "../httpapi";
import { viewerOf } from "../rbac";
import { readableGroup } from "./middleware";

export function organizationRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get("/organizations", async (c) => {
    const viewer = viewerOf(c.get("user"));
    const rows = await c.get("deps").store.organizations.all();
    const readable = rows.filter((o) => canReadOrganization(viewer, o.id));
    return c.json(
      readable.map(
        (o): Organization => ({
          id: o.id,
          name: o.name,
          display_name: o.display_name,
          description: "",
          icon: "",
          created_at: o.created_at,
          updated_at: o.created_at,
          is_default: o.is_default,
        }),
      ),
    );
  });

  routes.post("/organizations/:organization/groups", async (c) => {
    const { store } = c.get("deps");
    const viewer = viewerOf(c.get("user"));
    const organization = await store.organizations.byName(c.req.param("organization"));
    // Refused alike whether the organization is unknown or its groups are not the caller's to create.
    if (!organization || !canManageGroups(viewer, organization.id)) return resourceNotFound(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const checked = checkCreateGroupBody(body.value);
    if (!checked.ok) return c.json(checked.body, 400);
    const fields = checked.value;
    if (fields.name === EVERYONE_GROUP_NAME) {
      return apiError(c, 400, RESERVED_GROUP_NAME_MESSAGE, {
        validations: [{ field: "name", detail: reservedGroupNameDetail(fields.name) }],
      });
    }
    try {
      const group = await createGroup(store.db, store.groups, organization.id, fields, c.get("user").row);
      return c.json(group, 201);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return apiError(c, 409, groupNameTakenMessage(fields.name), {
        validations: [{ field: "name", detail: GROUP_NAME_TAKEN_DETAIL }],
      });
    }
  });

  routes.delete("/groups/:group", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    const { group } = found;
    if (!canManageGroups(viewerOf(c.get("user")), group.organization_id)) return resourceNotFound(c);
    if (group.id === group.organization_id) return apiError(c, 400, EVERYONE_UNDELETABLE_MESSAGE);
    const deleted = await deleteGroup(c.get("deps").store.db, group.id, c.get("user").row);
    // Another admin deleted it first: the group is gone either way, as this caller asked.
    return deleted ? c.json({ message: GROUP_DELETED_MESSAGE }) : resourceNotFound(c);
  });

  return routes;
}
