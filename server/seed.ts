// The demo data (./seedData.ts), created on a database's first start and the
// same every time.
import { hashPassword } from "./auth";
import type { Database } from "./db/database";
import { underSchemaLock } from "./db/migrate";
import { insertUsage } from "./db/spend";
import {
  DEMO_PASSWORD,
  ORGANIZATION_ID,
  SEED_GROUPS,
  SEED_ORGANIZATIONS,
  SEED_USERS,
  seedLastSeen,
  seedMemberSince,
  seedMemberships,
} from "./seedData";
import { seedPastUsage, seedUsage } from "./seedUsage";

export {
  DEMO_PASSWORD,
  ORGANIZATION_ID,
  SECOND_ORGANIZATION_ID,
  SEED_GROUPS,
  SEED_ORGANIZATIONS,
  SEED_USERS,
} from "./seedData";
export { SEED_SPEND } from "./seedUsage";

/** Seeds an empty database; a database that has users is left alone. */
export async function seedIfEmpty(db: Database): Promise<boolean> {
  const [existing] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
  if (existing && existing.n > 0) return false;
  const hashed = await hashPassword(DEMO_PASSWORD);
  // Under the schema lock, and counted again there: two servers starting at once seed once.
  return underSchemaLock(db, async (tx) => {
    const [again] = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
    if (again && again.n > 0) return false;
    for (const organization of SEED_ORGANIZATIONS) {
      await tx.query("INSERT INTO organizations (id, name, display_name, is_default) VALUES ($1, $2, $3, $4)", [
        organization.id,
        organization.name,
        organization.displayName,
        organization.isDefault,
      ]);
      // Each organization's Everyone group has the organization's id.
      await tx.query(
        "INSERT INTO groups (id, organization_id, name, display_name) VALUES ($1, $1, 'Everyone', 'Everyone')",
        [organization.id],
      );
    }
    for (const [index, user] of SEED_USERS.entries()) {
      await tx.query(
        `INSERT INTO users (id, username, email, name, hashed_password, site_roles, created_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          user.id,
          user.username,
          `${user.username}@example.com`,
          user.name,
          hashed,
          user.siteRoles,
          new Date(seedMemberSince(index, ORGANIZATION_ID)),
          new Date(seedLastSeen(index, new Date())),
        ],
      );
      for (const { organizationId, roles } of seedMemberships(user)) {
        await tx.query(
          "INSERT INTO organization_members (organization_id, user_id, roles, created_at) VALUES ($1, $2, $3, $4)",
          [organizationId, user.id, roles, new Date(seedMemberSince(index, organizationId))],
        );
      }
    }
    const idOf = new Map(SEED_USERS.map((u) => [u.username, u.id]));
    for (const group of SEED_GROUPS) {
      await tx.query("INSERT INTO groups (id, organization_id, name, display_name) VALUES ($1, $2, $3, $4)", [
        group.id,
        group.organizationId,
        group.name,
        group.displayName,
      ]);
      for (const member of group.members) {
        await tx.query("INSERT INTO group_members (group_id, user_id) VALUES ($1, $2)", [group.id, idOf.get(member)]);
      }
      if (group.budgetMicros !== null) {
        await tx.query("INSERT INTO group_ai_budgets (group_id, spend_limit_micros) VALUES ($1, $2)", [
          group.id,
          group.budgetMicros,
        ]);
      }
    }
    const groupIdOf = new Map<string, string>([
      ["Everyone", ORGANIZATION_ID],
      ...SEED_GROUPS.map((g) => [g.name, g.id] as [string, string]),
    ]);
    // Each request's usage, and the daily spend it adds up to (SEED_SPEND's totals).
    const now = new Date();
    for (const usage of [...seedPastUsage(now), ...seedUsage(now)]) {
      const userId = idOf.get(usage.username);
      const groupId = groupIdOf.get(usage.group);
      const { username: _username, group: _group, created_at, ...record } = usage;
      await insertUsage(tx, { ...record, user_id: userId!, group_id: groupId! }, new Date(created_at));
    }
    return true;
  });
}
