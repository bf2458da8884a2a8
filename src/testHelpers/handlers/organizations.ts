// Organizations, and creating and deleting their groups (audited), as the
// server's routes/organizations.ts answers them.
import { http, HttpResponse } from "msw";
import {
  EVERYONE_GROUP_NAME,
  EVERYONE_UNDELETABLE_MESSAGE,
  GROUP_DELETED_MESSAGE,
  GROUP_NAME_TAKEN_DETAIL,
  groupNameTakenMessage,
  RESERVED_GROUP_NAME_MESSAGE,
  reservedGroupNameDetail,
  type Group,
  type Organization,
} from "../../../core/types";
import { groupCreatedAuditEntry, groupDeletedAuditEntry } from "../../../core/domain/audit";
import { canManageGroups, canReadOrganization } from "../../../core/domain/permissions";
import { checkCreateGroupBody } from "../../../core/requestChecks";
import { audit, isEveryone, readableGroup, served, viewer } from "./access";
import { brokenJson, error, notFound, readJson, unauthorized } from "./responses";
import { actorName, FIXED_TIME, mockBackend, userByName } from "./state";

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export const organizationHandlers = [
  http.get("*/api/v2/organizations", () => {
    if (!mockBackend.signedIn) return unauthorized();
    const organizations = mockBackend.organizations
      .filter((o) => canReadOrganization(viewer(), o.id))
      .sort((a, b) => Number(b.is_default) - Number(a.is_default) || byName(a, b));
    return HttpResponse.json(
      organizations.map(
        (o): Organization => ({
          ...o,
          description: "",
          icon: "",
          created_at: FIXED_TIME,
          updated_at: FIXED_TIME,
        }),
      ),
    );
  }),

  http.post("*/api/v2/organizations/:organization/groups", async ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const organization = mockBackend.organizations.find(
      (o) => o.name === params.organization || (params.organization === "default" && o.is_default),
    );
    if (!organization || !canManageGroups(viewer(), organization.id)) return notFound();
    const body = await readJson(request);
    if (!body.ok) return brokenJson(body);
    const checked = checkCreateGroupBody(body.value);
    if (!checked.ok) return error(checked.status, checked.body);
    const fields = checked.value;
    if (fields.name === EVERYONE_GROUP_NAME)
      return error(400, {
        message: RESERVED_GROUP_NAME_MESSAGE,
        validations: [{ field: "name", detail: reservedGroupNameDetail(fields.name) }],
      });
    if (mockBackend.groups.some((g) => g.organization_id === organization.id && g.name === fields.name))
      return error(409, {
        message: groupNameTakenMessage(fields.name),
        validations: [{ field: "name", detail: GROUP_NAME_TAKEN_DETAIL }],
      });
    const group: Group = {
      id: crypto.randomUUID(),
      ...fields,
      organization_id: organization.id,
      organization_name: organization.name,
      organization_display_name: organization.display_name,
      members: [],
      total_member_count: 0,
      source: "user",
    };
    mockBackend.groups.push(group);
    mockBackend.groups.sort(byName);
    audit(groupCreatedAuditEntry(actorName(), group));
    return HttpResponse.json(group, { status: 201 });
  }),

  http.delete("*/api/v2/groups/:groupId", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const id = String(params.groupId);
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
      return error(400, { message: `Invalid UUID "${id}".` });
    const group = readableGroup(id);
    if (!group || !canManageGroups(viewer(), group.organization_id)) return notFound();
    if (isEveryone(group)) return error(400, { message: EVERYONE_UNDELETABLE_MESSAGE });
    const members = served(group).members.map((m) => m.username);
    const budget = mockBackend.budgets.get(group.id);
    const overrides = [...mockBackend.overrides].filter(([, o]) => o.group_id === group.id).map(([userId]) => userId);
    // What the database's cascades delete with the group.
    mockBackend.groups = mockBackend.groups.filter((g) => g.id !== group.id);
    mockBackend.budgets.delete(group.id);
    mockBackend.versions.delete(group.id);
    for (const userId of overrides) mockBackend.overrides.delete(userId);
    mockBackend.spend = mockBackend.spend.filter((s) => s.group_id !== group.id);
    mockBackend.usage = mockBackend.usage?.filter((u) => u.group_id !== group.id);
    audit(
      groupDeletedAuditEntry(
        actorName(),
        { ...group, members: [...members].sort() },
        {
          budgetMicros: budget?.spend_limit_micros ?? null,
          overrides: overrides.map((userId) => userByName(userId)!.username).sort(),
        },
      ),
    );
    return HttpResponse.json({ message: GROUP_DELETED_MESSAGE });
  }),
];
