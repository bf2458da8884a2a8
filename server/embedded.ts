// The embedded backend, wired once: the database (migrated, seeded on first
// start), the data layer, and Coder's API on it. `npm start`, `npm run dev`,
// the test build of the server and the server's tests all build it here.
import type { Hono } from "hono";
import { createApi } from "./app";
import { openDatabase, type Database } from "./db/database";
import { migrate } from "./db/migrate";
import { Store } from "./db/store";
import type { AppEnv, Deps } from "./httpapi";
import { SignInLimiter } from "./rateLimit";
import { seedIfEmpty } from "./seed";

export interface EmbeddedOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** A PostgreSQL schema of its own (tests on a shared server). */
  schema?: string;
  aiEntitled: boolean;
  /** AI Gateway's data retention window, in ms (unset: no window). */
  aiRetentionMs?: number;
  latencyMs?: number;
  /** Mounts more ahead of the API's routes: the test build's fault switch (testFaults.ts). */
  extendApi?: (api: Hono<AppEnv>) => void;
  /** Proxies in front whose X-Forwarded-For names the client (TRUSTED_PROXY_HOPS; 0: none). */
  trustedProxyHops?: number;
}

export interface EmbeddedBackend {
  db: Database;
  store: Store;
  deps: Deps;
  api: Hono<AppEnv>;
}

export async function openEmbeddedBackend(options: EmbeddedOptions): Promise<EmbeddedBackend> {
  const db = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir, schema: options.schema });
  try {
    await migrate(db);
    await seedIfEmpty(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  const store = new Store(db);
  const deps: Deps = {
    store,
    aiEntitled: options.aiEntitled,
    aiRetentionMs: options.aiRetentionMs,
    loginLimiter: new SignInLimiter(db),
    trustedProxyHops: options.trustedProxyHops ?? 0,
  };
  const api = createApi({ deps, latencyMs: options.latencyMs, extend: options.extendApi });
  return { db, store, deps, api };
}
