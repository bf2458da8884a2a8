// AI spend: a group's members, the groups of an organization, one user, and
// the CSV export, answered from Coder's rules over the mock deployment.
import { http, HttpResponse } from "msw";
import { checkIdListQuery } from "../../../core/validation";
import { inIdOrder, visibleMemberIds } from "../../../core/domain/budgetRules";
import { groupRow, memberRows, userSpendStatus } from "../../../core/domain/budgetWorld";
import {
  AI_SPEND_EXPORT_CONTENT_TYPE,
  aggregateUsage,
  exportPeriod,
  spendExportCsv,
  spendExportFilename,
} from "../../../core/domain/spendExport";
import { MockPeriod } from "../entities";
import * as permissions from "../../../core/domain/permissions";
import { canUpdate, findGroupById, readableGroup, readableUser, viewer, world } from "./access";
import { error, notFound, unauthorized, unentitled } from "./responses";
import { mockBackend } from "./state";

export const spendHandlers = [
  http.get("*/api/v2/groups/:groupId/members/ai/spend", ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    const group = readableGroup(String(params.groupId));
    if (!group) return notFound();
    const asked = checkIdListQuery(new URL(request.url).searchParams, "user_ids");
    if (!asked.ok) return error(asked.status, asked.body);
    const ids = visibleMemberIds(asked.value, mockBackend.userId, canUpdate(group));
    return HttpResponse.json({ ...MockPeriod, members: memberRows(world(), group, ids) });
  }),

  http.get("*/api/v2/organizations/:organization/groups/ai/spend", ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    const organization = mockBackend.organizations.find((o) => o.name === params.organization);
    if (!organization) return notFound();
    const asked = checkIdListQuery(new URL(request.url).searchParams, "group_ids");
    if (!asked.ok) return error(asked.status, asked.body);
    const current = world();
    const groups = inIdOrder(asked.value).flatMap((id) => {
      const group = readableGroup(id);
      return group && group.organization_id === organization.id ? [groupRow(current, group)] : [];
    });
    return HttpResponse.json({ ...MockPeriod, groups });
  }),

  http.get("*/api/v2/organizations/:organization/ai/spend/export", ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    const organization = mockBackend.organizations.find((o) => o.name === params.organization);
    if (!organization) return notFound();
    if (!canUpdate({ organization_id: organization.id })) return error(403, { message: "Forbidden." });
    const period = exportPeriod(new URL(request.url).searchParams, new Date());
    if (!period.ok) return error(400, period.body);
    const rows = aggregateUsage(mockBackend.usage ?? [], period, (record) => {
      const group = findGroupById(record.group_id);
      const user = mockBackend.users.find((u) => u.id === record.user_id);
      if (!group || !user || group.organization_id !== organization.id) return undefined;
      return {
        username: user.username,
        group_name: group.name,
        organization_id: organization.id,
        organization_name: organization.name,
      };
    });
    return new HttpResponse(spendExportCsv(rows, period), {
      headers: {
        "Content-Type": AI_SPEND_EXPORT_CONTENT_TYPE,
        "Content-Disposition": `attachment; filename="${spendExportFilename(organization.name, period)}"`,
      },
    });
  }),

  http.get("*/api/v2/users/:user/ai/spend", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    const user = readableUser(params.user);
    if (!user) return notFound();
    const status = userSpendStatus(world(), user.id, MockPeriod);
    const organization = status.effective_group_id
      ? (findGroupById(status.effective_group_id)?.organization_id ?? null)
      : null;
    // Charged to another organization's group: not for this organization's admins.
    if (!permissions.canReadUserBudgetIn(viewer(), user.id, organization)) return notFound();
    return HttpResponse.json(status);
  }),
];
