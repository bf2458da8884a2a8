// Bad and hostile input, at every kind of place it can come in: each is a 4xx
// with a message, never a 500, and nothing is stored.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Group } from "../core/types";
import { SIGN_IN_LIMITS, SignInLimiter } from "./rateLimit";
import { SEED_GROUPS, SEED_USERS } from "./seed";
import { startServer, type RunningServer } from "./server";
import { useTestApi } from "./testHarness";

const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
const patch = (body: unknown) => ({ method: "PATCH", body: JSON.stringify(body) });

const api = useTestApi();

describe("NUL bytes and broken text", () => {
  it.each([
    ["an organization name", "/organizations/co%00der/groups"],
    ["a group name", "/organizations/coder/groups/dev%00elopers"],
    ["a user name", "/users/bo%00b/ai/spend"],
    ["an override's user", "/users/%00/ai/budget/override"],
    ["a group id", `/groups/${developers.id}%00/ai/budget`],
    ["a control character", "/organizations/co%01der/groups"],
    ["a lone surrogate", "/organizations/%ED%A0%80/groups"],
    ["broken percent-encoding", "/organizations/%E0%A4%A/groups"],
  ])("answers 400 for %s in the path", async (_, path) => {
    const { status, body } = await api().json<{ message: string }>(path, { as: "admin" });
    expect(status).toBe(400);
    expect(body.message).toBe("The request path is not valid.");
  });

  it.each([
    ["display_name", { display_name: "Dev\u0000elopers" }],
    ["avatar_url", { avatar_url: "https://example.com/a\u0000.png" }],
    ["a key", { "na\u0000me": "x" }],
    ["a lone surrogate", { display_name: "Dev\ud800" }],
  ])("answers 400 for a NUL in %s of a PATCH, and changes nothing", async (_, body) => {
    const { status } = await api().json(`/groups/${developers.id}`, { ...patch(body), as: "admin" });
    expect(status).toBe(400);
    const group = await api().json<Group>(`/groups/${developers.id}`, { as: "admin" });
    expect(group.body.display_name).toBe("Developers");
  });

  it("answers 400 for a NUL in a sign-in email", async () => {
    const { status } = await api().json("/users/login", {
      method: "POST",
      body: JSON.stringify({ email: "admin\u0000@example.com", password: "x" }),
    });
    expect(status).toBe(400);
  });
});

describe("avatar URLs", () => {
  it.each([
    "//evil.example/a.png",
    "/\\evil.example/a.png",
    "\\\\evil.example/a.png",
    `https://example.com/${"a".repeat(900_000)}`,
  ])("refuses %s", async (avatar_url) => {
    const { status } = await api().json(`/groups/${developers.id}`, {
      ...patch({ avatar_url: avatar_url.slice(0, 1_000_000) }),
      as: "admin",
    });
    expect(status).toBe(400);
  });

  it("takes a path on this site and a full https address", async () => {
    for (const avatar_url of ["/emojis/1f3e2.png", "https://example.com/a.png"]) {
      expect((await api().json(`/groups/${developers.id}`, { ...patch({ avatar_url }), as: "admin" })).status).toBe(
        200,
      );
    }
  });
});

describe("authorization checks", () => {
  const check = (resource_id: unknown = developers.id) => ({
    object: { resource_type: "group", resource_id },
    action: "update",
  });
  it.each([
    ["checks is a list", { checks: [] }],
    ["a check is a string", { checks: { a: "x" } }],
    ["a check is null", { checks: { a: null } }],
    ["no action", { checks: { a: { object: { resource_type: "group" } } } }],
    ["resource_id is a number", { checks: { a: check(5) } }],
    ["resource_type is an object", { checks: { a: { object: { resource_type: {} }, action: "read" } } }],
    ["101 checks", { checks: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`c${i}`, check()])) }],
  ])("answers 400 when %s", async (_, body) => {
    const { status } = await api().json("/authcheck", { method: "POST", body: JSON.stringify(body), as: "member" });
    expect(status).toBe(400);
  });

  it("answers 100 checks", async () => {
    const checks = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`c${i}`, check()]));
    const { status, body } = await api().json<Record<string, boolean>>("/authcheck", {
      method: "POST",
      body: JSON.stringify({ checks }),
      as: "admin",
    });
    expect(status).toBe(200);
    expect(Object.values(body).every(Boolean)).toBe(true);
  });
});

describe("If-Match", () => {
  it("takes a write when any tag in the list names the stored version, and refuses one where none does", async () => {
    const read = await api().request(`/groups/${developers.id}/ai/budget`, { as: "admin" });
    const etag = read.headers.get("etag")!;
    const stale = await api().request(`/groups/${developers.id}/ai/budget`, {
      method: "PUT",
      body: JSON.stringify({ spend_limit_micros: 1 }),
      headers: { "If-Match": `"999998", "999999"` },
      as: "admin",
    });
    expect(stale.status).toBe(412);
    const listed = await api().request(`/groups/${developers.id}/ai/budget`, {
      method: "PUT",
      body: JSON.stringify({ spend_limit_micros: 2 }),
      headers: { "If-Match": `"999999", ${etag}` },
      as: "admin",
    });
    expect(listed.status).toBe(200);
  });
});

describe("the sign-in rate limiter", () => {
  it("keeps its memory bounded under unique 1 MB emails", async () => {
    const limiter = new SignInLimiter(api().db);
    const big = "x".repeat(1024 * 1024);
    for (let i = 0; i < 200; i += 1) await limiter.begin(`${i}${big}`, "203.0.113.9");
    // Each let through holds two 43-byte keys; past the client's 60 attempts nothing more is held.
    expect(await limiter.size()).toBe(2 * SIGN_IN_LIMITS.perClient);
    const [row] = await api().db.query<{ longest: number }>(
      "SELECT max(length(key))::int AS longest FROM sign_in_attempts",
    );
    expect(row?.longest).toBe(43);
  });

  it("forgets attempts once their window has passed", async () => {
    const limiter = new SignInLimiter(api().db, { ...SIGN_IN_LIMITS, windowMs: 200 });
    for (let i = 0; i < 10; i += 1) await limiter.begin(`k${i}`, "203.0.113.9");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await limiter.begin("fresh", "203.0.113.9");
    expect(await limiter.size()).toBe(2);
  });

  it("refuses a 1 MB email at once, without a lookup or a limiter entry", async () => {
    const { status } = await api().json("/users/login", {
      method: "POST",
      body: JSON.stringify({ email: `${"x".repeat(1024 * 1024 - 100)}@example.com`, password: "x" }),
    });
    expect(status).toBe(400);
    expect(await api().deps.loginLimiter.size()).toBe(0);
  });

  it("answers 429 to some of 40 wrong passwords sent at once, and checks no more than ten", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 40 }, () =>
        api()
          .json("/users/login", {
            method: "POST",
            body: JSON.stringify({ email: "member@example.com", password: "wrong" }),
          })
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
  });
});

describe("the served app", () => {
  let server: RunningServer;
  beforeAll(async () => {
    const staticDir = mkdtempSync(path.join(tmpdir(), "gab-static-"));
    writeFileSync(path.join(staticDir, "index.html"), "<!doctype html><title>app</title>");
    server = await startServer({ port: 0, host: "127.0.0.1", aiEntitled: true, latencyMs: 0, staticDir });
  });
  afterAll(() => server.close());

  it("answers an unknown API route with a JSON 404, not the page", async () => {
    const login = await fetch(`${server.url}/api/v2/users/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "admin@example.com", password: "SomeSecurePassword!" }),
    });
    const { session_token } = (await login.json()) as { session_token: string };
    for (const pathname of ["/api/v2/no-such-route", "/api/v2/groups/x/y/z", "/api/nothing"]) {
      const response = await fetch(`${server.url}${pathname}`, { headers: { "Coder-Session-Token": session_token } });
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      expect(((await response.json()) as { message: string }).message).toBe("Route not found.");
    }
  });
});

describe("spend totals above 2^53 micros", () => {
  // Each is a safe integer; their sum is not, and an odd sum cannot be a double.
  const PART = 4_503_599_627_370_497;
  const BOB_SEEDED = 870_000_000n;
  const DEVELOPERS_SEEDED = 2_377_490_000n;
  const userIdOf = (name: string) => SEED_USERS.find((u) => u.username === name)!.id;

  it("are summed in BigInt and written digit for digit", async () => {
    const bob = userIdOf("bob");
    for (let i = 0; i < 3; i += 1) await api().store.spend.record(bob, developers.id, new Date(), PART);
    const bobTotal = 3n * BigInt(PART) + BOB_SEEDED;
    expect(bobTotal > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const text = async (path: string) => (await api().request(path, { as: "admin" })).text();
    expect(await text(`/groups/${developers.id}/members/ai/spend?user_ids=${bob}`)).toContain(
      `"group_spend_micros":${bobTotal}`,
    );
    expect(await text("/users/bob/ai/spend")).toContain(`"current_spend_micros":${bobTotal}`);
    expect(await text(`/organizations/coder/groups/ai/spend?group_ids=${developers.id}`)).toContain(
      `"current_spend_micros":${3n * BigInt(PART) + DEVELOPERS_SEEDED}`,
    );
  });
});
