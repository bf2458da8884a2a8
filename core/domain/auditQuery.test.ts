import { describe, expect, it } from "vitest";
import type { AuditLog } from "../types";
import { auditQuery, auditRowMatches, parseAuditQuery } from "./auditQuery";

const GROUP = "11111111-1111-4111-8111-111111111111";
const row: AuditLog = {
  id: "a",
  time: "2026-11-14T10:00:00.000Z",
  action: "write",
  resource_type: "group_ai_budget",
  resource_id: GROUP,
  resource_target: "developers",
  user_id: "u1",
  username: "Admin",
  organization_id: "o1",
  diff: {},
  description: "",
  status_code: 200,
};
const filterOf = (q: string) => {
  const parsed = parseAuditQuery(q);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.body));
  return parsed.filter;
};
const matches = (q: string, viewer = "u2") => auditRowMatches(row, "admin@example.com", filterOf(q), viewer);

describe("Coder's audit search", () => {
  it("reads key:value terms, lowercased, and a bare word as a resource type", () => {
    expect(filterOf(`resource_type:group_ai_budget resource_id:${GROUP} action:WRITE`)).toEqual({
      resource_type: "group_ai_budget",
      resource_id: GROUP,
      action: "write",
    });
    expect(filterOf("group")).toEqual({ resource_type: "group" });
    expect(filterOf("")).toEqual({});
    expect(filterOf('resource_target:"my team"')).toEqual({ resource_target: "my team" });
  });

  it("refuses unknown keys, bad enums, bad ids and impossible days, each on its field", () => {
    const parsed = parseAuditQuery("colour:red action:paint resource_id:nope date_from:2026-02-30");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.body.message).toBe("Invalid audit search query.");
    expect(parsed.body.validations.map((v) => v.field).sort()).toEqual([
      "action",
      "colour",
      "date_from",
      "resource_id",
    ]);
  });

  it("refuses a term that starts or ends with a colon, or has two", () => {
    expect(parseAuditQuery("action:").ok).toBe(false);
    expect(parseAuditQuery("a:b:c").ok).toBe(false);
  });

  it("matches each filter, the dates inclusive of the whole last day", () => {
    expect(matches(`resource_id:${GROUP}`)).toBe(true);
    expect(matches("resource_type:group")).toBe(false);
    expect(matches("username:admin email:admin@example.com")).toBe(true);
    expect(matches("username:me")).toBe(false);
    expect(matches("username:me", "u1")).toBe(true);
    expect(matches("date_from:2026-11-14 date_to:2026-11-14")).toBe(true);
    expect(matches("date_to:2026-11-13")).toBe(false);
    expect(matches("date_from:2026-11-15")).toBe(false);
    expect(matches("action:delete")).toBe(false);
  });

  it("writes a query the parser reads back", () => {
    const q = auditQuery({ resource_type: "group", resource_id: GROUP, resource_target: "a b" });
    expect(q).toBe(`resource_type:group resource_id:${GROUP} resource_target:"a b"`);
    expect(filterOf(q)).toEqual({ resource_type: "group", resource_id: GROUP, resource_target: "a b" });
  });
});
