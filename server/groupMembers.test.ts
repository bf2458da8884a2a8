// A group's members: Coder's paginated list (search, status, order, count),
// and the membership changes Coder refuses (Everyone, duplicates, outsiders)
// leaving nothing written, not even an audit row.
import { describe, expect, it } from "vitest";
import type { AuditLogResponse, Group, GroupMembersResponse, UserAIBudgetOverride } from "../core/types";
import { ORGANIZATION_ID, SEED_GROUPS, SEED_USERS } from "./seed";
import { useTestApi } from "./testHarness";

const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
const userId = (name: string) => SEED_USERS.find((u) => u.username === name)!.id;
const patch = (body: unknown) => ({ method: "PATCH", body: JSON.stringify(body) });

const api = useTestApi();

const members = (groupId: string, query: string, as = "admin") =>
  api().json<GroupMembersResponse>(`/groups/${groupId}/members${query}`, { as });
const auditCount = async () => (await api().json<AuditLogResponse>("/audit", { as: "admin" })).body.count;

describe("GET /groups/{group}/members", () => {
  it("pages the Everyone group in Coder's order, with the count of every match", async () => {
    const first = await members(ORGANIZATION_ID, "?limit=25&offset=0");
    expect(first.status).toBe(200);
    const inOrganization = SEED_USERS.filter((u) => !u.username.startsWith("research")).length;
    expect(first.body.count).toBe(inOrganization);
    expect(first.body.users).toHaveLength(25);
    const all = await members(ORGANIZATION_ID, "");
    const names = all.body.users.map((u) => u.username);
    expect(names).toEqual([...names].sort());
    expect(names.slice(0, 25)).toEqual(first.body.users.map((u) => u.username));
    const third = await members(ORGANIZATION_ID, "?limit=25&offset=50");
    expect(third.body.users.map((u) => u.username)).toEqual(names.slice(50));
    expect(third.body.users[0]).toMatchObject({ email: `${names[50]}@example.com`, status: "active" });
    expect(Date.parse(third.body.users[0]!.last_seen_at)).toBeLessThanOrEqual(Date.now());
  });

  it("searches username and email in any case, and by status", async () => {
    const found = await members(ORGANIZATION_ID, `?q=${encodeURIComponent("OKAFOR@EXAMPLE")}&limit=5`);
    expect(found.body.count).toBe(23);
    expect(found.body.users.map((u) => u.username)).toEqual([
      "amir-okafor",
      "bianca-okafor",
      "chen-okafor",
      "dmitri-okafor",
      "elena-okafor",
    ]);
    expect((await members(developers.id, "?q=status:suspended")).body).toEqual({ users: [], count: 0 });
    expect((await members(developers.id, "?q=nobody")).body).toEqual({ users: [], count: 0 });
    expect((await members(developers.id, "?offset=100&limit=5")).body).toEqual({ users: [], count: 7 });
  });

  it("refuses an unknown filter, a bad number and an unknown parameter", async () => {
    expect((await members(developers.id, "?q=role:owner")).body).toMatchObject({
      message: "Invalid user search query.",
    });
    const bad = await members(developers.id, "?limit=ten&sort=name");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      message: "Query parameters have invalid values.",
      validations: [{ field: "limit" }, { field: "sort" }],
    });
  });

  it("is for those who may read the group", async () => {
    const contractors = SEED_GROUPS.find((g) => g.name === "contractors")!;
    expect((await members(contractors.id, "", "member")).status).toBe(404);
    expect((await members(developers.id, "", "member")).status).toBe(200);
  });
});

describe("PATCH /groups/{group} members, as Coder refuses them", () => {
  it("refuses an Organization Admin removing a user from Everyone, keeping the override the Owner set", async () => {
    const everyoneOverride = { group_id: ORGANIZATION_ID, spend_limit_micros: 9_000_000_000 };
    const put = await api().json("/users/bob/ai/budget/override", {
      method: "PUT",
      body: JSON.stringify(everyoneOverride),
      as: "admin",
    });
    expect(put.status).toBe(200);
    const before = await auditCount();
    const removed = await api().json(`/groups/${ORGANIZATION_ID}`, {
      ...patch({ remove_users: [userId("bob")] }),
      as: "orgadmin",
    });
    expect(removed).toMatchObject({
      status: 403,
      body: { message: 'Cannot add or remove users from the "Everyone" group!' },
    });
    const override = await api().json<UserAIBudgetOverride>("/users/bob/ai/budget/override", { as: "admin" });
    expect(override.body).toMatchObject(everyoneOverride);
    expect(await auditCount()).toBe(before);
  });

  it("refuses adding to Everyone, even for an Owner, and writes no audit row", async () => {
    const before = await auditCount();
    const added = await api().json(`/groups/${ORGANIZATION_ID}`, {
      ...patch({ add_users: [userId("alice")] }),
      as: "admin",
    });
    expect(added.status).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a user who is a member already, and leaves the other additions and a rename undone", async () => {
    const before = await auditCount();
    const answer = await api().json(`/groups/${developers.id}`, {
      ...patch({ name: "platform", add_users: [userId("grace"), userId("bob")] }),
      as: "admin",
    });
    expect(answer).toMatchObject({ status: 400, body: { message: "Cannot add the same user to a group twice!" } });
    const group = await api().json<Group>(`/groups/${developers.id}`, { as: "admin" });
    expect(group.body.name).toBe("developers");
    expect(group.body.members.map((m) => m.username)).not.toContain("grace");
    expect(await auditCount()).toBe(before);
  });

  it("answers Coder's words for an unknown user and an id that is no UUID", async () => {
    const unknown = await api().json(`/groups/${developers.id}`, {
      ...patch({ add_users: ["00000000-0000-4000-8000-00000000beef"] }),
      as: "admin",
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: { message: 'User must be a member of organization "developers"' },
    });
    const notUuid = await api().json(`/groups/${developers.id}`, { ...patch({ remove_users: ["bob"] }), as: "admin" });
    expect(notUuid).toMatchObject({ status: 400, body: { message: 'ID "bob" must be a valid user UUID.' } });
  });

  it("adds several members at once and audits them in one row", async () => {
    const answer = await api().json<Group>(`/groups/${developers.id}`, {
      ...patch({ add_users: [userId("grace"), userId("amir-lopez")] }),
      as: "orgadmin",
    });
    expect(answer.status).toBe(200);
    expect(answer.body.total_member_count).toBe(9);
    const rows = (await api().json<AuditLogResponse>("/audit", { as: "admin" })).body.audit_logs;
    expect(rows.filter((r) => r.resource_type === "group")).toHaveLength(1);
    expect(rows[0]!.diff).toMatchObject({ members_added: { old: [], new: ["grace", "amir-lopez"] } });
  });
});
