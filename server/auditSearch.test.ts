// Coder's audit search on the embedded server: a group's history is three
// searches (its budget, its own changes, the overrides of its organization),
// each filter applied in SQL with the page's count, refusals as Coder words them.
import { describe, expect, it } from "vitest";
import type { AuditLogResponse } from "../core/types";
import { ORGANIZATION_ID, SEED_GROUPS, SEED_USERS } from "./seed";
import { useTestApi } from "./testHarness";

const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
const dataScience = SEED_GROUPS.find((g) => g.name === "data-science")!;
const alice = SEED_USERS.find((u) => u.username === "alice")!;
const api = useTestApi();
const send = (path: string, method: string, body: unknown, as = "admin") =>
  api().request(path, { method, body: JSON.stringify(body), as });
const search = (q: string, as = "admin", paging = "") =>
  api().json<AuditLogResponse>(`/audit?q=${encodeURIComponent(q)}${paging}`, { as });

describe("GET /audit?q=", () => {
  it("finds two budget changes and an override set and removed, by resource, newest first", async () => {
    await send(`/groups/${developers.id}/ai/budget`, "PUT", { spend_limit_micros: 1_234_000_000 });
    await send(`/groups/${developers.id}/ai/budget`, "PUT", { spend_limit_micros: 1_500_000_000 }, "orgadmin");
    await send(`/groups/${dataScience.id}/ai/budget`, "PUT", { spend_limit_micros: 5_000_000 });
    await send(`/users/${alice.id}/ai/budget/override`, "PUT", {
      group_id: developers.id,
      spend_limit_micros: 9_000_000_000,
    });
    await api().request(`/users/${alice.id}/ai/budget/override`, { method: "DELETE", as: "admin" });

    const budgets = await search(`resource_type:group_ai_budget resource_id:${developers.id}`);
    expect(budgets.status).toBe(200);
    expect(budgets.body.count).toBe(2);
    expect(budgets.body.audit_logs.map((l) => [l.username, l.diff.spend_limit_micros])).toEqual([
      ["orgadmin", { old: "$1,234.00", new: "$1,500.00" }],
      ["admin", { old: "$1,000.00", new: "$1,234.00" }],
    ]);

    const overrides = await search("resource_type:user_ai_budget_override organization:coder");
    expect(overrides.body.audit_logs.map((l) => [l.action, l.resource_target])).toEqual([
      ["delete", "alice"],
      ["write", "alice"],
    ]);

    const page = await search(`organization:${ORGANIZATION_ID}`, "admin", "&limit=2&offset=1");
    expect(page.body.count).toBe(5);
    expect(page.body.audit_logs).toHaveLength(2);
    expect((await search("username:orgadmin")).body.count).toBe(1);
    expect((await search("username:me", "orgadmin")).body.count).toBe(1);
    expect((await search("email:orgadmin@example.com")).body.count).toBe(1);
    expect((await search("action:delete")).body.count).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await search(`date_from:${today} date_to:${today}`)).body.count).toBe(5);
    expect((await search("date_to:2000-01-01")).body.count).toBe(0);
    expect((await search("build_reason:autostart")).body.count).toBe(0);
  });

  it("keeps an organization admin to their organizations, whatever the filter", async () => {
    await send(`/groups/${developers.id}/ai/budget`, "PUT", { spend_limit_micros: 1_234_000_000 });
    expect((await search("organization:coder", "researchadmin")).body).toEqual({ audit_logs: [], count: 0 });
  });

  it("refuses a bad query with Coder's message and a validation per field, and sends nothing else", async () => {
    const bad = await api().json<{ message: string; validations: { field: string }[] }>(
      `/audit?q=${encodeURIComponent("colour:red action:paint resource_id:1 date_from:2026-13-01")}`,
      { as: "admin" },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe("Invalid audit search query.");
    expect(bad.body.validations.map((v) => v.field).sort()).toEqual(["action", "colour", "date_from", "resource_id"]);
    const unknown = await search("organization:nowhere");
    expect(unknown.status).toBe(400);
    expect((await search("a:b:c")).status).toBe(400);
  });
});
