// For the server's tests: a seeded database (PGlite in memory, or, when
// DATABASE_URL is set, a fresh schema on that PostgreSQL server), the API on
// it, and helpers to call it as one of the seeded users.
import { randomBytes } from "node:crypto";
import type { Hono } from "hono";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Database } from "./db/database";
import type { Store } from "./db/store";
import { openEmbeddedBackend } from "./embedded";
import type { AppEnv, Deps } from "./httpapi";
import { DEMO_PASSWORD, seedIfEmpty } from "./seed";

export const databaseUrl = process.env.DATABASE_URL || undefined;
export const newSchemaName = () => `test_${randomBytes(6).toString("hex")}`;

export async function dropSchema(schema: string): Promise<void> {
  if (!databaseUrl) return;
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

export interface TestApi {
  db: Database;
  store: Store;
  deps: Deps;
  /** The API itself, for what needs its routes (the route fuzzer). */
  api: Hono<AppEnv>;
  request: (path: string, init?: RequestInit & { as?: string }) => Promise<Response>;
  json: <T = unknown>(path: string, init?: RequestInit & { as?: string }) => Promise<{ status: number; body: T }>;
  login: (username: string) => Promise<string>;
  reset: () => Promise<void>;
  close: () => Promise<void>;
}

const TABLES =
  "sign_in_attempts, ai_user_daily_spend, user_ai_budget_overrides, audit_logs, api_keys, group_ai_budgets, group_members, groups, organization_members, users, organizations";

export async function openTestApi(): Promise<TestApi> {
  const schema = newSchemaName();
  // Built exactly as the running server builds it; only the database differs.
  const { db, store, deps, api } = await openEmbeddedBackend({
    databaseUrl,
    schema,
    aiEntitled: true,
  });
  // One sign-in per user, shared by requests sent at once (the limiter counts attempts in flight).
  const tokens = new Map<string, Promise<string>>();

  const request = async (path: string, { as, ...init }: RequestInit & { as?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (as) headers.set("Coder-Session-Token", await login(as));
    if (init.body !== undefined && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
    return api.request(`/api/v2${path}`, { ...init, headers });
  };

  function login(username: string): Promise<string> {
    const known = tokens.get(username);
    if (known) return known;
    const signingIn = signIn(username);
    tokens.set(username, signingIn);
    signingIn.catch(() => tokens.delete(username));
    return signingIn;
  }

  async function signIn(username: string): Promise<string> {
    const response = await api.request("/api/v2/users/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: `${username}@example.com`, password: DEMO_PASSWORD }),
    });
    if (response.status !== 201) throw new Error(`login as ${username}: ${response.status}`);
    const { session_token } = (await response.json()) as { session_token: string };
    return session_token;
  }

  return {
    db,
    store,
    deps,
    api,
    request,
    json: async (path, init) => {
      const response = await request(path, init);
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    login,
    reset: async () => {
      tokens.clear();
      deps.aiEntitled = true;
      await db.query(`TRUNCATE ${TABLES} CASCADE`);
      await seedIfEmpty(db);
    },
    close: async () => {
      await db.close();
      await dropSchema(schema);
    },
  };
}

/** For a test file: a seeded API opened before its tests, seeded afresh before each, closed after. */
export function useTestApi(): () => TestApi {
  let api: TestApi | undefined;
  beforeAll(async () => {
    api = await openTestApi();
  });
  beforeEach(() => api!.reset());
  afterAll(() => api?.close());
  return () => api!;
}
