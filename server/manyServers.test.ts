// Sign-in limited by client as well as by account, and several servers on one
// PostgreSQL acting as one: the limiter's count, sessions and the schema are
// in the database they share.
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, SEED_GROUPS } from "./seed";
import { openEmbeddedBackend, type EmbeddedBackend } from "./embedded";
import { databaseUrl, dropSchema, newSchemaName, useTestApi } from "./testHarness";

const api = useTestApi();
const DEVELOPERS = SEED_GROUPS.find((g) => g.name === "developers")!.id;

type Requester = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

const signIn = (backend: Requester, password: string, client?: string) =>
  backend.request("/api/v2/users/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(client ? { "X-Forwarded-For": client } : {}) },
    body: JSON.stringify({ email: "member@example.com", password }),
  });

const viaApi: Requester = {
  request: (path: string, init?: RequestInit) => api().request(path.replace("/api/v2", ""), init),
};

describe("sign-in limits", () => {
  it("does not let a stranger's wrong passwords lock the owner out from their own client", async () => {
    api().deps.trustedProxyHops = 1;
    const stranger = [];
    for (let i = 0; i < 12; i += 1) stranger.push((await signIn(viaApi, "wrong", "198.51.100.7")).status);
    expect(stranger.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(stranger.slice(10)).toEqual([429, 429]);
    expect((await signIn(viaApi, DEMO_PASSWORD, "203.0.113.20")).status).toBe(201);
  });

  it("limits one client's attempts over every account", async () => {
    api().deps.trustedProxyHops = 1;
    const statuses: number[] = [];
    for (let i = 0; i < 62; i += 1) {
      const response = await api().request("/users/login", {
        method: "POST",
        headers: { "X-Forwarded-For": "198.51.100.8" },
        body: JSON.stringify({ email: `nobody${i}@example.com`, password: "wrong" }),
      });
      statuses.push(response.status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(60);
    expect(statuses.slice(60)).toEqual([429, 429]);
  });

  it("believes no X-Forwarded-For unless told a proxy is in front", async () => {
    api().deps.trustedProxyHops = 0;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await signIn(viaApi, "wrong", `198.51.100.${i}`)).status);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe.skipIf(!databaseUrl)("several servers on one PostgreSQL", () => {
  const schema = newSchemaName();
  let servers: EmbeddedBackend[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.db.close()));
    await dropSchema(schema);
  });

  it("migrate and seed once when they start at once on an empty database", async () => {
    // The empty schema first: as a database, it is there before any server starts.
    const { default: pg } = await import("pg");
    const setup = new pg.Client({ connectionString: databaseUrl });
    await setup.connect();
    await setup.query(`CREATE SCHEMA ${schema}`);
    await setup.end();
    servers = await Promise.all([1, 2, 3].map(() => openEmbeddedBackend({ databaseUrl, schema, aiEntitled: true })));
    const versions = await servers[0]!.db.query<{ version: string; n: number }>(
      "SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version",
    );
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.every((v) => v.n === 1)).toBe(true);
    const [users] = await servers[0]!.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
    const [distinct] = await servers[0]!.db.query<{ n: number }>("SELECT count(DISTINCT email)::int AS n FROM users");
    expect(users!.n).toBe(distinct!.n);
  });

  it("meet guesses spread over them with the limit of one server", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i += 1) statuses.push((await signIn(servers[i % 2]!.api, "wrong")).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
  });

  it("read a write made through one server on the other at once, and refuse there a tag made stale on the first", async () => {
    await servers[0]!.db.query("DELETE FROM sign_in_attempts");
    const [one, other] = [servers[0]!.api, servers[1]!.api];
    const owner = await one.request("/api/v2/users/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "admin@example.com", password: DEMO_PASSWORD }),
    });
    const { session_token } = (await owner.json()) as { session_token: string };
    const budget = (server: typeof one, init: RequestInit = {}) =>
      server.request(`/api/v2/groups/${DEVELOPERS}/ai/budget`, {
        ...init,
        headers: { "Coder-Session-Token": session_token, "Content-Type": "application/json", ...init.headers },
      });
    const micros = async (response: Response | Promise<Response>) =>
      ((await (await response).json()) as { spend_limit_micros: number }).spend_limit_micros;
    for (const value of [11_000_000, 12_000_000, 13_000_000]) {
      expect((await budget(one, { method: "PUT", body: JSON.stringify({ spend_limit_micros: value }) })).status).toBe(
        200,
      );
      expect(await micros(budget(other))).toBe(value);
    }
    const stale = (await budget(other)).headers.get("ETag")!;
    expect((await budget(one, { method: "PUT", body: '{"spend_limit_micros":14000000}' })).status).toBe(200);
    const late = await budget(other, {
      method: "PUT",
      headers: { "If-Match": stale },
      body: '{"spend_limit_micros":15000000}',
    });
    expect(late.status).toBe(412);
    expect(await micros(budget(one))).toBe(14_000_000);
  });

  it("take a session signed in on one server on every other", async () => {
    await servers[0]!.db.query("DELETE FROM sign_in_attempts");
    const response = await signIn(servers[2]!.api, DEMO_PASSWORD);
    expect(response.status).toBe(201);
    const { session_token } = (await response.json()) as { session_token: string };
    for (const server of servers) {
      const me = await server.api.request("/api/v2/users/me", { headers: { "Coder-Session-Token": session_token } });
      expect(me.status).toBe(200);
    }
  });
});
