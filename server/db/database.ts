// One interface over the two databases the server runs on: PGlite (embedded
// Postgres, the default) and a real PostgreSQL server (DATABASE_URL). The same
// SQL runs on both.
import { mkdirSync } from "node:fs";
import type { Pool, PoolClient } from "pg";
import { lockDataDir } from "./dataDirLock";

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: all of it commits, or none of it. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: "pglite" | "postgres";
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; without it, PGlite is used. */
  url?: string;
  /** PGlite's data directory; undefined keeps the data in memory. */
  dataDir?: string;
  /** A schema to create and use (PostgreSQL only), so test runs do not meet. */
  schema?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.schema) : openPGlite(options.dataDir);
}

async function openPGlite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  let db: InstanceType<typeof PGlite>;
  try {
    db = dataDir ? new PGlite(dataDir) : new PGlite();
    await db.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    kind: "pglite",
    query: async <Row>(sql: string, params: unknown[] = []) => (await db.query<Row>(sql, params)).rows,
    transaction: (work) =>
      db.transaction((tx) =>
        work({ query: async <Row>(sql: string, params: unknown[] = []) => (await tx.query<Row>(sql, params)).rows }),
      ),
    close: async () => {
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
  };
}

async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
  const { default: pg } = await import("pg");
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Bad schema name: ${schema}`);
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await setup.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const run = async <Row>(client: Pool | PoolClient, sql: string, params: unknown[] = []) =>
    (await client.query(sql, params)).rows as Row[];
  return {
    kind: "postgres",
    query: (sql, params) => run(pool, sql, params),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({ query: (sql, params) => run(client, sql, params) });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
