// The bench's own data: a group of `size` members in a fresh data directory,
// written before the server starts (PGlite allows one process at a time).
import { openDatabase } from "../server/db/database";
import { migrate } from "../server/db/migrate";
import { ORGANIZATION_ID, seedIfEmpty } from "../server/seed";

export const LARGE_GROUP_ID = "0a7c5d5e-0000-4000-9000-0000000a0000";

export async function seedLargeGroup(dataDir: string, size: number): Promise<void> {
  const db = await openDatabase({ dataDir });
  try {
    await migrate(db);
    await seedIfEmpty(db);
    await db.transaction(async (tx) => {
      // Their passwords are never used: a hash that no password matches.
      await tx.query(
        `INSERT INTO users (id, username, email, name, hashed_password)
         SELECT ('10000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'user' || i,
                'user' || i || '@example.com', 'User ' || i, 'scrypt$16384$AA$AA'
         FROM generate_series(1, $1::int) AS i`,
        [size],
      );
      await tx.query(
        `INSERT INTO organization_members (organization_id, user_id)
         SELECT $1, id FROM users WHERE username ~ '^user[0-9]+$'`,
        [ORGANIZATION_ID],
      );
      await tx.query("INSERT INTO groups (id, organization_id, name, display_name) VALUES ($1, $2, 'large', 'Large')", [
        LARGE_GROUP_ID,
        ORGANIZATION_ID,
      ]);
      await tx.query(
        "INSERT INTO group_members (group_id, user_id) SELECT $1, id FROM users WHERE username ~ '^user[0-9]+$'",
        [LARGE_GROUP_ID],
      );
      await tx.query("INSERT INTO group_ai_budgets (group_id, spend_limit_micros) VALUES ($1, 50000000)", [
        LARGE_GROUP_ID,
      ]);
    });
  } finally {
    await db.close();
  }
}
