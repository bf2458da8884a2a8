import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database, Queryable } from "./database";

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** The advisory lock every server takes to change the schema or seed it: one at a time. */
const SCHEMA_LOCK = 4_207_001;

/**
 * Runs `work` in one transaction holding the schema lock. Several servers
 * starting at once on an empty PostgreSQL database queue up here: the first
 * migrates (and seeds), the others find it done.
 */
export function underSchemaLock<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [SCHEMA_LOCK]);
    return work(tx);
  });
}

/** Applies, in name order, each migration not applied yet, all in one transaction under the schema lock. */
export async function migrate(db: Database): Promise<string[]> {
  return underSchemaLock(db, async (tx) => {
    await tx.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const applied = new Set(
      (await tx.query<{ version: string }>("SELECT version FROM schema_migrations")).map((r) => r.version),
    );
    const pending = readdirSync(migrationsDir)
      .filter((file) => file.endsWith(".sql") && !applied.has(file))
      .sort();
    for (const file of pending) {
      const sql = readFileSync(path.join(migrationsDir, file), "utf8");
      for (const statement of sql.split(/;\s*(?:\n|$)/).filter((s) => s.trim())) await tx.query(statement);
      await tx.query("INSERT INTO schema_migrations (version) VALUES ($1)", [file]);
    }
    return pending;
  });
}
