// Over 200 lines: the embedded API end to end (sign-in, groups, budgets, conditional writes, permissions), one describe per concern.
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { AuditLogResponse, Group, GroupAIBudget } from "../core/types";
import { DISK_FULL_MESSAGE } from "./app";
import { ORGANIZATION_ID, SEED_GROUPS } from "./seed";
import { useTestApi } from "./testHarness";

const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
const dataScience = SEED_GROUPS.find((g) => g.name === "data-science")!;
const contractors = SEED_GROUPS.find((g) => g.name === "contractors")!;
const budgetOf = (id: string) => `/groups/${id}/ai/budget`;
const put = (body: unknown) => ({ method: "PUT", body: typeof body === "string" ? body : JSON.stringify(body) });

const api = useTestApi();

describe("sign-in and sessions", () => {
  it("signs in with the demo password, sets an HttpOnly SameSite=Lax cookie, and keeps only a hash", async () => {
    const response = await api().request("/users/login", {
      method: "POST",
      body: JSON.stringify({ email: "admin@example.com", password: "SomeSecurePassword!" }),
    });
    expect(response.status).toBe(201);
    const { session_token } = (await response.json()) as { session_token: string };
    expect(session_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toContain(`coder_session_token=${session_token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const stored = await api().db.query<{ hashed_secret: string }>("SELECT hashed_secret FROM api_keys");
    expect(stored.map((r) => r.hashed_secret)).toEqual([createHash("sha256").update(session_token).digest("hex")]);
    const [user] = await api().db.query<{ hashed_password: string }>(
      "SELECT hashed_password FROM users WHERE username = 'admin'",
    );
    expect(user!.hashed_password).toMatch(/^scrypt\$16384\$/);
    expect(user!.hashed_password).not.toContain("SomeSecurePassword!");
  });

  it("refuses a wrong password with 401 and, after ten, with 429", async () => {
    const attempt = () =>
      api().json("/users/login", {
        method: "POST",
        body: JSON.stringify({ email: "member@example.com", password: "nope" }),
      });
    expect(await attempt()).toEqual({ status: 401, body: { message: "Incorrect email or password." } });
    for (let i = 0; i < 9; i++) await attempt();
    expect((await attempt()).status).toBe(429);
  });

  it("answers 401 without a session, and accepts both the header and the cookie", async () => {
    expect((await api().json("/users/me")).status).toBe(401);
    const token = await api().login("admin");
    const byHeader = await api().json<{ username: string }>("/users/me", { headers: { "Coder-Session-Token": token } });
    expect(byHeader.body.username).toBe("admin");
    const byCookie = await api().json<{ username: string }>("/users/me", {
      headers: { Cookie: `coder_session_token=${token}` },
    });
    expect(byCookie.body.username).toBe("admin");
  });

  it("ends the session on logout", async () => {
    const token = await api().login("admin");
    await api().request("/users/logout", { method: "POST", headers: { "Coder-Session-Token": token } });
    expect((await api().json("/users/me", { headers: { "Coder-Session-Token": token } })).status).toBe(401);
  });

  it("refuses a cookie-only write from another origin, and takes one from this origin", async () => {
    const token = await api().login("admin");
    const cookieWrite = (origin: string) =>
      api().json(budgetOf(developers.id), {
        ...put({ spend_limit_micros: 1 }),
        headers: { Cookie: `coder_session_token=${token}`, Origin: origin, Host: "127.0.0.1:3000" },
      });
    expect((await cookieWrite("https://evil.example")).status).toBe(403);
    expect((await cookieWrite("http://127.0.0.1:3000")).status).toBe(200);
  });
});

describe("entitlements", () => {
  it("reports aibridge entitled, or not", async () => {
    const entitled = await api().json<{ features: Record<string, { enabled: boolean }> }>("/entitlements", {
      as: "member",
    });
    expect(entitled.body.features.aibridge).toEqual({ entitlement: "entitled", enabled: true });
    api().deps.aiEntitled = false;
    const not = await api().json<{ features: Record<string, { enabled: boolean }> }>("/entitlements", { as: "member" });
    expect(not.body.features.aibridge).toEqual({ entitlement: "not_entitled", enabled: false });
  });

  it("answers 403 with Coder's message on every budget route when unentitled", async () => {
    api().deps.aiEntitled = false;
    for (const init of [{}, put({ spend_limit_micros: 1 }), { method: "DELETE" }]) {
      expect(await api().json(budgetOf(developers.id), { ...init, as: "admin" })).toEqual({
        status: 403,
        body: { message: "AI Gateway is a Premium feature. Contact sales!" },
      });
    }
  });
});

describe("groups", () => {
  it("lists every group to an owner, and only their own groups to a member", async () => {
    const forAdmin = await api().json<Group[]>("/organizations/coder/groups", { as: "admin" });
    expect(forAdmin.body.map((g) => [g.name, g.total_member_count])).toEqual([
      ["Everyone", 61],
      ["contractors", 1],
      ["data-science", 3],
      ["developers", 7],
      ["new-hires", 0],
    ]);
    const forMember = await api().json<Group[]>("/organizations/coder/groups", { as: "member" });
    expect(forMember.body.map((g) => g.name)).toEqual(["Everyone", "developers"]);
  });

  it("finds a group by organization and name, and by id; 404 otherwise", async () => {
    const byName = await api().json<Group>("/organizations/coder/groups/developers", { as: "admin" });
    expect(byName.body).toMatchObject({
      id: developers.id,
      organization_id: ORGANIZATION_ID,
      organization_name: "coder",
    });
    expect((await api().json(`/groups/${developers.id}`, { as: "admin" })).body).toEqual(byName.body);
    expect((await api().json("/organizations/coder/groups/nope", { as: "admin" })).status).toBe(404);
    expect((await api().json("/organizations/nope/groups", { as: "admin" })).status).toBe(404);
    expect((await api().json("/groups/not-a-uuid", { as: "admin" })).status).toBe(400);
  });

  it("renames a group, and answers 409 on the name field for a taken name", async () => {
    const patch = (body: object) =>
      api().json<Group>(`/groups/${developers.id}`, {
        method: "PATCH",
        body: JSON.stringify({ add_users: [], remove_users: [], ...body }),
        as: "admin",
      });
    const renamed = await patch({ name: "platform", display_name: "Platform" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "platform", display_name: "Platform", total_member_count: 7 });
    expect(await patch({ name: "contractors" })).toEqual({
      status: 409,
      body: {
        message: 'A group named "contractors" already exists.',
        validations: [{ field: "name", detail: "This name is already taken." }],
      },
    });
  });

  it.each([
    [{ name: "bad name" }, "name"],
    [{ name: "-dash" }, "name"],
    [{ name: "a".repeat(33) }, "name"],
    [{ avatar_url: "javascript:alert(1)" }, "avatar_url"],
    [{ quota_allowance: -1 }, "quota_allowance"],
    [{ quota_allowance: 1.5 }, "quota_allowance"],
    [{ display_name: 5 }, "display_name"],
  ])("refuses %j with a validation on %s and changes nothing", async (body, field) => {
    const response = await api().json<{ validations: { field: string }[] }>(`/groups/${developers.id}`, {
      method: "PATCH",
      body: JSON.stringify(body),
      as: "admin",
    });
    expect(response.status).toBe(400);
    expect(response.body.validations.map((v) => v.field)).toEqual([field]);
    expect((await api().store.groups.byId(developers.id))!.name).toBe("developers");
  });

  it("will not rename the Everyone group", async () => {
    const response = await api().json(`/groups/${ORGANIZATION_ID}`, {
      method: "PATCH",
      body: JSON.stringify({ name: "All" }),
      as: "admin",
    });
    expect(response.status).toBe(400);
  });
});

describe("group AI budgets", () => {
  it("answers the budget, 404 when there is none, and accepts 0", async () => {
    const got = await api().json<GroupAIBudget>(budgetOf(developers.id), { as: "admin" });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ group_id: developers.id, spend_limit_micros: 1_000_000_000 });
    expect((await api().json(budgetOf(dataScience.id), { as: "admin" })).status).toBe(404);
    const zero = await api().json<GroupAIBudget>(budgetOf(dataScience.id), {
      ...put({ spend_limit_micros: 0 }),
      as: "admin",
    });
    expect(zero).toMatchObject({ status: 200, body: { spend_limit_micros: 0 } });
  });

  it("stores the maximum exactly, and refuses one micro more with Coder's body", async () => {
    const max = await api().json<GroupAIBudget>(budgetOf(developers.id), {
      ...put({ spend_limit_micros: 1_000_000_000_000 }),
      as: "admin",
    });
    expect(max.body.spend_limit_micros).toBe(1_000_000_000_000);
    expect(
      await api().json(budgetOf(developers.id), { ...put({ spend_limit_micros: 1_000_000_000_001 }), as: "admin" }),
    ).toEqual({
      status: 400,
      body: {
        message: "Invalid AI spend limit.",
        validations: [{ field: "spend_limit_micros", detail: "Must not exceed 1000000000000." }],
      },
    });
  });

  it.each([
    ["negative", { spend_limit_micros: -1 }],
    ["a float", { spend_limit_micros: 1.5 }],
    ["a string", { spend_limit_micros: "25" }],
    ["null", { spend_limit_micros: null }],
    ["an array", [25]],
    ["a missing field", {}],
    ["extra fields", { spend_limit_micros: 1, group_id: "x" }],
    ["a bare number", 25],
    ["broken JSON", "{"],
  ])("refuses %s with 400 and stores nothing", async (_label, body) => {
    const response = await api().json<{ message: string }>(budgetOf(developers.id), { ...put(body), as: "admin" });
    expect(response.status).toBe(400);
    expect(response.body.message).toBeTruthy();
    expect((await api().store.budgets.of(developers.id))!.budget.spend_limit_micros).toBe(1_000_000_000);
  });

  it("refuses a 2 MB body with 413", async () => {
    const body = JSON.stringify({ spend_limit_micros: 1, padding: "x".repeat(2 * 1024 * 1024) });
    const response = await api().request(budgetOf(developers.id), {
      method: "PUT",
      body,
      as: "admin",
      headers: { "Content-Length": String(body.length) },
    });
    expect(response.status).toBe(413);
  });

  it("answers 503 with a clear message when the disk is full, acknowledges nothing, and keeps answering", async () => {
    // What PostgreSQL and PGlite throw when a file cannot grow (test/attack/storage.ts fills a real disk).
    const diskFull = Object.assign(new Error('could not extend file "base/5/16537": No space left on device'), {
      code: "53100",
    });
    // Signed in first: sign-in counts its attempt in a transaction too (server/rateLimit.ts).
    await api().login("admin");
    const transaction = vi.spyOn(api().db, "transaction").mockRejectedValueOnce(diskFull);
    try {
      const response = await api().json<{ message: string }>(budgetOf(developers.id), {
        ...put({ spend_limit_micros: 7 }),
        as: "admin",
      });
      expect(response).toMatchObject({ status: 503, body: { message: DISK_FULL_MESSAGE } });
    } finally {
      transaction.mockRestore();
    }
    expect((await api().json<GroupAIBudget>(budgetOf(developers.id), { as: "admin" })).body.spend_limit_micros).toBe(
      developers.budgetMicros,
    );
  });

  it("deletes with 204, then answers 404", async () => {
    expect((await api().request(budgetOf(developers.id), { method: "DELETE", as: "admin" })).status).toBe(204);
    expect((await api().json(budgetOf(developers.id), { as: "admin" })).status).toBe(404);
    expect((await api().request(budgetOf(developers.id), { method: "DELETE", as: "admin" })).status).toBe(404);
  });

  it("writes an audit row for every change, newest first, with the money diff", async () => {
    await api().request(budgetOf(dataScience.id), { ...put({ spend_limit_micros: 0 }), as: "admin" });
    await api().request(budgetOf(dataScience.id), { ...put({ spend_limit_micros: 500_000_000 }), as: "orgadmin" });
    await api().request(budgetOf(dataScience.id), { method: "DELETE", as: "admin" });
    const { body } = await api().json<AuditLogResponse>("/audit", { as: "admin" });
    expect(body.count).toBe(3);
    expect(body.audit_logs.map((l) => [l.action, l.username, l.diff.spend_limit_micros])).toEqual([
      ["delete", "admin", { old: "$500.00", new: "no budget" }],
      ["write", "orgadmin", { old: "$0.00", new: "$500.00" }],
      ["write", "admin", { old: "no budget", new: "$0.00" }],
    ]);
    expect(body.audit_logs[1]!.description).toContain("$0.00 → $500.00");
    expect(
      body.audit_logs.every((l) => l.resource_type === "group_ai_budget" && l.resource_target === "data-science"),
    ).toBe(true);
  });

  it("keeps concurrent PUTs on one budget whole: no 5xx, last write wins, one audit row each", async () => {
    const values = Array.from({ length: 20 }, (_, i) => (i + 1) * 1_000_000);
    const answers = await Promise.all(
      values.map((v) => api().request(budgetOf(developers.id), { ...put({ spend_limit_micros: v }), as: "admin" })),
    );
    expect(answers.map((a) => a.status)).toEqual(values.map(() => 200));
    const { body } = await api().json<AuditLogResponse>("/audit?limit=100", { as: "admin" });
    expect(body.count).toBe(20);
    const stored = (await api().store.budgets.of(developers.id))!.budget.spend_limit_micros;
    // The newest audit row names the value that is stored, and each row's old
    // value is the previous row's new one: no write was lost between them.
    expect(body.audit_logs[0]!.diff.spend_limit_micros!.new).toBe(`$${stored / 1_000_000}.00`);
    const chain = [...body.audit_logs].reverse();
    for (let i = 1; i < chain.length; i++) {
      expect(chain[i]!.diff.spend_limit_micros!.old).toBe(chain[i - 1]!.diff.spend_limit_micros!.new);
    }
  });
});

describe("conditional writes", () => {
  const headers = (extra: Record<string, string>) => ({ headers: extra, as: "admin" });

  it("sends an ETag, takes a write that names it, and refuses a stale one with 412 and the current value", async () => {
    const loaded = await api().request(budgetOf(developers.id), { as: "admin" });
    const etag = loaded.headers.get("etag")!;
    expect(etag).toMatch(/^"\d+"$/);
    const first = await api().request(budgetOf(developers.id), {
      ...put({ spend_limit_micros: 2_000_000_000 }),
      ...headers({ "If-Match": etag }),
    });
    expect(first.status).toBe(200);
    const newer = first.headers.get("etag")!;
    expect(newer).not.toBe(etag);

    const stale = await api().request(budgetOf(developers.id), {
      ...put({ spend_limit_micros: 3_000_000_000 }),
      ...headers({ "If-Match": etag }),
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe(newer);
    expect(await stale.json()).toMatchObject({
      message: "The AI budget was changed by someone else.",
      current: { group_id: developers.id, spend_limit_micros: 2_000_000_000 },
    });
    expect((await api().store.budgets.of(developers.id))!.budget.spend_limit_micros).toBe(2_000_000_000);
    const audit = await api().json<AuditLogResponse>("/audit", { as: "admin" });
    expect(audit.body.count).toBe(1);
  });

  it("creates with If-None-Match: * only when there is no budget", async () => {
    const create = () =>
      api().request(budgetOf(dataScience.id), {
        ...put({ spend_limit_micros: 5 }),
        ...headers({ "If-None-Match": "*" }),
      });
    expect((await create()).status).toBe(200);
    const second = await create();
    expect(second.status).toBe(412);
    expect(((await second.json()) as { current: { spend_limit_micros: number } }).current.spend_limit_micros).toBe(5);
  });

  it("refuses a stale DELETE, and tells a writer who expected a budget that it is gone", async () => {
    const etag = (await api().request(budgetOf(developers.id), { as: "admin" })).headers.get("etag")!;
    await api().request(budgetOf(developers.id), { ...put({ spend_limit_micros: 9 }), as: "admin" });
    const stale = await api().request(budgetOf(developers.id), { method: "DELETE", ...headers({ "If-Match": etag }) });
    expect(stale.status).toBe(412);
    await api().request(budgetOf(developers.id), { method: "DELETE", as: "admin" });
    const gone = await api().request(budgetOf(developers.id), {
      ...put({ spend_limit_micros: 1 }),
      ...headers({ "If-Match": etag }),
    });
    expect(gone.status).toBe(412);
    expect(await gone.json()).toMatchObject({ current: null });
  });

  it("never gives a budget set again the version of one deleted", async () => {
    const before = (await api().request(budgetOf(developers.id), { as: "admin" })).headers.get("etag");
    await api().request(budgetOf(developers.id), { method: "DELETE", as: "admin" });
    const again = await api().request(budgetOf(developers.id), {
      ...put({ spend_limit_micros: 1_000_000_000 }),
      as: "admin",
    });
    expect(again.headers.get("etag")).not.toBe(before);
  });
});

describe("permissions", () => {
  const write = (as: string, id = developers.id) => api().json(budgetOf(id), { ...put({ spend_limit_micros: 7 }), as });

  it("lets an owner and an organization admin change groups and budgets", async () => {
    expect((await write("admin")).status).toBe(200);
    expect((await write("orgadmin")).status).toBe(200);
    const rename = await api().json(`/groups/${contractors.id}`, {
      method: "PATCH",
      body: JSON.stringify({ display_name: "Vendors" }),
      as: "orgadmin",
    });
    expect(rename.status).toBe(200);
  });

  it("lets a member read their group and its budget, and answers 404 to every write", async () => {
    expect((await api().json(`/groups/${developers.id}`, { as: "member" })).status).toBe(200);
    expect((await api().json(budgetOf(developers.id), { as: "member" })).status).toBe(200);
    expect((await write("member")).status).toBe(404);
    expect((await api().json(budgetOf(developers.id), { method: "DELETE", as: "member" })).status).toBe(404);
    expect(
      (
        await api().json(`/groups/${developers.id}`, {
          method: "PATCH",
          body: JSON.stringify({ name: "x" }),
          as: "member",
        })
      ).status,
    ).toBe(404);
    expect((await api().store.budgets.of(developers.id))!.budget.spend_limit_micros).toBe(1_000_000_000);
  });

  it("hides a group the user is not in, and its budget, with 404", async () => {
    expect((await api().json(`/groups/${dataScience.id}`, { as: "member" })).status).toBe(404);
    expect((await api().json("/organizations/coder/groups/data-science", { as: "member" })).status).toBe(404);
    expect((await api().json(budgetOf(contractors.id), { as: "member" })).status).toBe(404);
    expect((await write("member", contractors.id)).status).toBe(404);
  });

  it("answers authcheck the same way", async () => {
    const checks = {
      checks: {
        canUpdateGroup: { object: { resource_type: "group", resource_id: developers.id }, action: "update" },
        canReadGroup: { object: { resource_type: "group", resource_id: developers.id }, action: "read" },
        canReadOther: { object: { resource_type: "group", resource_id: dataScience.id }, action: "read" },
      },
    };
    const ask = (as: string) => api().json("/authcheck", { method: "POST", body: JSON.stringify(checks), as });
    expect((await ask("admin")).body).toEqual({ canUpdateGroup: true, canReadGroup: true, canReadOther: true });
    expect((await ask("orgadmin")).body).toEqual({ canUpdateGroup: true, canReadGroup: true, canReadOther: true });
    expect((await ask("member")).body).toEqual({ canUpdateGroup: false, canReadGroup: true, canReadOther: false });
  });

  it("keeps the audit log from plain members", async () => {
    expect((await api().json("/audit", { as: "member" })).status).toBe(404);
  });
});
