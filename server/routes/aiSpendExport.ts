// Coder's CSV export and its per-user spend report, over an organization's
// usage: Coder's read set (rbac.canReadGroupsOf), strict query parameters and
// the retention window (core/domain/spendQuery.ts). The export streams: rows
// are read and written a batch of users at a time.
import { Hono } from "hono";
import type { AISpendUsersReport } from "../../core/types";
import {
  AI_SPEND_EXPORT_CONTENT_TYPE,
  exportQuery,
  rfc3339,
  spendExportFilename,
  spendExportHeaderLine,
  spendExportLine,
} from "../../core/domain/spendExport";
import { parseSpendQuery, REPORT_FILTERS } from "../../core/domain/spendQuery";
import { exactJson, type ExactIntegers } from "../exactJson";
import { apiError, type AppEnv } from "../httpapi";
import { canReadGroupsOf } from "../rbac";
import { readableOrganization, requireAIEntitlement } from "./middleware";

export function aiSpendExportRoutes() {
  const routes = new Hono<AppEnv>();
  routes.use("/organizations/:organization/ai/*", requireAIEntitlement);

  routes.get("/organizations/:organization/ai/spend/export", async (c) => {
    const found = await readableOrganization(c);
    if ("response" in found) return found.response;
    const { organization } = found;
    if (!canReadGroupsOf(c.get("user"), organization.id)) return apiError(c, 403, "Forbidden.");
    const { store, aiRetentionMs } = c.get("deps");
    const parsed = exportQuery(new URL(c.req.url).searchParams, new Date(), aiRetentionMs);
    if (!parsed.ok) return c.json(parsed.body, 400);
    const query = parsed.value;
    const batches = store.usage.exportRows(organization.id, query);
    const encoder = new TextEncoder();
    let headerSent = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(spendExportHeaderLine()));
          return;
        }
        const next = await batches.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map((row) => spendExportLine(row, query)).join("")));
      },
      async cancel() {
        await batches.return(undefined);
      },
    });
    return c.body(stream, 200, {
      "Content-Type": AI_SPEND_EXPORT_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${spendExportFilename(organization.name, query)}"`,
    });
  });

  // The per-user report (Coder's Spend page reads its experimental
  // equivalent; docs/coder-conformance.md says what is inferred).
  routes.get("/organizations/:organization/ai/spend/users", async (c) => {
    const found = await readableOrganization(c);
    if ("response" in found) return found.response;
    const { organization } = found;
    if (!canReadGroupsOf(c.get("user"), organization.id)) return apiError(c, 403, "Forbidden.");
    const { store, aiRetentionMs } = c.get("deps");
    const parsed = parseSpendQuery(new URL(c.req.url).searchParams, new Date(), {
      filters: REPORT_FILTERS,
      paged: true,
      retentionMs: aiRetentionMs,
    });
    if (!parsed.ok) return c.json(parsed.body, 400);
    const query = parsed.value;
    const report = await store.usage.usersReport(organization.id, query, query);
    const exact: ExactIntegers = new WeakMap();
    const totals = { cost_micros: Number(report.cost), unpriced_usage_count: report.unpriced };
    exact.set(totals, { cost_micros: report.cost });
    const body: AISpendUsersReport = {
      period_start: rfc3339(query.start),
      period_end: rfc3339(query.end),
      ...(query.retentionStart ? { retention_start: rfc3339(query.retentionStart) } : {}),
      count: report.count,
      totals,
      users: report.users.map(({ exactCost, ...user }) => {
        exact.set(user, { cost_micros: exactCost });
        return user;
      }),
    };
    return exactJson(c, body, exact);
  });

  return routes;
}
