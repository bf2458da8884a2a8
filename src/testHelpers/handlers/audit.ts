// The audit log, each organization admin reading only their organizations' rows.
import { http, HttpResponse } from "msw";
import { checkPagingQuery } from "../../../core/requestChecks";
import * as permissions from "../../../core/domain/permissions";
import { viewer } from "./access";
import { error, notFound, unauthorized } from "./responses";
import { mockBackend } from "./state";

export const auditHandlers = [
  http.get("*/api/v2/audit", ({ request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!permissions.canReadAuditLogs(viewer())) return notFound();
    const paging = checkPagingQuery(new URL(request.url).searchParams);
    if (!paging.ok) return error(paging.status, paging.body);
    const { limit, offset } = paging.value;
    const readable = mockBackend.auditLogs.filter((row) => permissions.canReadAuditRow(viewer(), row));
    return HttpResponse.json({ audit_logs: readable.slice(offset, offset + limit), count: readable.length });
  }),
];
