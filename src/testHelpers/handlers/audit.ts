// The audit log, each organization admin reading only their organizations'
// rows, filtered by Coder's audit search (`q`) as the embedded server filters it.
import { http, HttpResponse } from "msw";
import { checkPagingQuery } from "../../../core/requestChecks";
import * as permissions from "../../../core/domain/permissions";
import {
  auditRowMatches,
  INVALID_AUDIT_QUERY_MESSAGE,
  parseAuditQuery,
  unknownOrganization,
} from "../../../core/domain/auditQuery";
import { viewer } from "./access";
import { error, notFound, unauthorized } from "./responses";
import { mockBackend } from "./state";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const auditHandlers = [
  http.get("*/api/v2/audit", ({ request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!permissions.canReadAuditLogs(viewer())) return notFound();
    const query = new URL(request.url).searchParams;
    const paging = checkPagingQuery(query);
    if (!paging.ok) return error(paging.status, paging.body);
    const search = parseAuditQuery(query.get("q"));
    if (!search.ok) return error(400, search.body);
    const filter = { ...search.filter };
    if (filter.organization !== undefined && !UUID.test(filter.organization)) {
      const name = filter.organization;
      const organization = mockBackend.organizations.find(
        (o) => o.name === name || (name === "default" && o.is_default),
      );
      if (!organization)
        return error(400, { message: INVALID_AUDIT_QUERY_MESSAGE, validations: [unknownOrganization(name)] });
      filter.organization = organization.id;
    }
    const emailOf = (id: string) => mockBackend.users.find((u) => u.id === id)?.email;
    const { limit, offset } = paging.value;
    const readable = mockBackend.auditLogs.filter(
      (row) =>
        permissions.canReadAuditRow(viewer(), row) &&
        auditRowMatches(row, emailOf(row.user_id), filter, mockBackend.userId),
    );
    return HttpResponse.json({ audit_logs: readable.slice(offset, offset + limit), count: readable.length });
  }),
];
