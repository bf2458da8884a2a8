import { openDatabase, type Database } from "./db/database";
import { migrate } from "./db/migrate";
import { Store } from "./db/store";
import { seedIfEmpty } from "./seed";

export interface EmbeddedDatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
  schema?: string;
}

/** Opens the database, brings its schema up to date and seeds it on first start. */
export async function openStore(options: EmbeddedDatabaseOptions): Promise<{ db: Database; store: Store }> {
  const db = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir, schema: options.schema });
  await migrate(db);
  await seedIfEmpty(db);
  return { db, store: new Store(db) };
}
