// AI spend: a group's members, the groups of an organization, one group, one
// user (and per organization), the CSV export and the per-user report,
// answered from Coder's rules over the mock deployment.
import { http, HttpResponse } from "msw";
import { checkIdListQuery } from "../../../core/requestChecks";
import { inIdOrder, resolveGoverning, resolveGoverningIn, visibleMemberIds } from "../../../core/domain/budgetRules";
import { chargedSpend, groupRow, memberRows, resolutionInput, userSpendStatus } from "../../../core/domain/budgetWorld";
import {
  AI_SPEND_EXPORT_CONTENT_TYPE,
  aggregateUsage,
  exportQuery,
  spendExportCsv,
  spendExportFilename,
} from "../../../core/domain/spendExport";
import { parseSpendQuery, REPORT_FILTERS } from "../../../core/domain/spendQuery";
import { spendUsersReport } from "../../../core/domain/spendUsersReport";
import * as permissions from "../../../core/domain/permissions";
import type { Group } from "../../../core/types";
import { MockPeriod } from "../entities";
import {
  canReadGroups,
  canRead,
  findGroupById,
  readableGroup,
  readableOrganization,
  readableUser,
  viewer,
  world,
} from "./access";
import { error, notFound, unauthorized, unentitled } from "./responses";
import { mockBackend } from "./state";

const gate = () => (!mockBackend.signedIn ? unauthorized() : !mockBackend.aiEntitled ? unentitled() : undefined);

function membersSpend(group: Group, request: Request) {
  const asked = checkIdListQuery(new URL(request.url).searchParams, "user_ids");
  if (!asked.ok) return error(asked.status, asked.body);
  const ids = visibleMemberIds(asked.value, mockBackend.userId, canReadGroups(group.organization_id));
  return HttpResponse.json({ ...MockPeriod, members: memberRows(world(), group, ids) });
}

/** The organization for the export and the report: 404 outside it, 403 without Coder's read set. */
function readerOrganization(param: unknown) {
  const organization = readableOrganization(param);
  if (!organization) return { response: notFound() };
  if (!canReadGroups(organization.id)) return { response: error(403, { message: "Forbidden." }) };
  return { organization };
}

export const spendHandlers = [
  http.get("*/api/v2/groups/:groupId/members/ai/spend", ({ params, request }) => {
    const refused = gate();
    if (refused) return refused;
    const group = readableGroup(String(params.groupId));
    return group ? membersSpend(group, request) : notFound();
  }),

  http.get("*/api/v2/organizations/:organization/groups/:groupName/members/ai/spend", ({ params, request }) => {
    const refused = gate();
    if (refused) return refused;
    const organization = readableOrganization(params.organization);
    const group = mockBackend.groups.find((g) => g.organization_id === organization?.id && g.name === params.groupName);
    return group && canRead(group) ? membersSpend(group, request) : notFound();
  }),

  http.get("*/api/v2/groups/:groupId/ai/spend", ({ params }) => {
    const refused = gate();
    if (refused) return refused;
    const group = readableGroup(String(params.groupId));
    return group ? HttpResponse.json({ ...MockPeriod, ...groupRow(world(), group) }) : notFound();
  }),

  http.get("*/api/v2/organizations/:organization/groups/ai/spend", ({ params, request }) => {
    const refused = gate();
    if (refused) return refused;
    const organization = readableOrganization(params.organization);
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
    const refused = gate();
    if (refused) return refused;
    const found = readerOrganization(params.organization);
    if ("response" in found) return found.response;
    const { organization } = found;
    const query = exportQuery(new URL(request.url).searchParams, new Date(), mockBackend.aiRetentionMs);
    if (!query.ok) return error(400, query.body);
    const rows = aggregateUsage(mockBackend.usage ?? [], query.value, (record) => {
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
    return new HttpResponse(spendExportCsv(rows, query.value), {
      headers: {
        "Content-Type": AI_SPEND_EXPORT_CONTENT_TYPE,
        "Content-Disposition": `attachment; filename="${spendExportFilename(organization.name, query.value)}"`,
      },
    });
  }),

  http.get("*/api/v2/organizations/:organization/ai/spend/users", ({ params, request }) => {
    const refused = gate();
    if (refused) return refused;
    const found = readerOrganization(params.organization);
    if ("response" in found) return found.response;
    const { organization } = found;
    const query = parseSpendQuery(new URL(request.url).searchParams, new Date(), {
      filters: REPORT_FILTERS,
      paged: true,
      retentionMs: mockBackend.aiRetentionMs,
    });
    if (!query.ok) return error(400, query.body);
    const report = spendUsersReport(mockBackend.usage ?? [], query.value, organization.id, (record) => {
      const group = findGroupById(record.group_id);
      const user = mockBackend.users.find((u) => u.id === record.user_id);
      if (!group || !user || group.organization_id !== organization.id) return undefined;
      return { username: user.username, name: user.name ?? "", avatar_url: user.avatar_url ?? "" };
    });
    return HttpResponse.json(report);
  }),

  http.get("*/api/v2/users/:user/ai/spend", ({ params }) => {
    const refused = gate();
    if (refused) return refused;
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

  http.get("*/api/v2/users/:user/ai/spend/organizations", ({ params }) => {
    const refused = gate();
    if (refused) return refused;
    const user = readableUser(params.user);
    if (!user) return notFound();
    const current = world();
    const input = resolutionInput(current, user.id);
    const organizations = mockBackend.organizations
      .filter((o) => mockBackend.organizationMembers.some((m) => m.organization_id === o.id && m.user_id === user.id))
      .filter((o) => permissions.canReadOrganization(viewer(), o.id))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((o) => {
        const governing = resolveGoverningIn(input, o.id)!;
        return {
          organization_id: o.id,
          organization_name: o.name,
          organization_display_name: o.display_name,
          effective_group_id: governing.group_id,
          effective_budget: governing.limit,
          current_spend_micros: chargedSpend(current, governing.group_id, user.id),
        };
      });
    return HttpResponse.json({
      organization_id: resolveGoverning(input)?.organization_id ?? null,
      organizations,
      ...MockPeriod,
    });
  }),
];
