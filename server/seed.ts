// The demo data, created on a database's first start and the same every time:
// fixed ids, fixed names, one password for every user.
import { hashPassword } from "./auth";
import { dollarsToMicros } from "../src/utils/currency";
import type { Database } from "./db/database";

export const DEMO_PASSWORD = "SomeSecurePassword!";
export const ORGANIZATION_ID = "0a7c5d5e-0000-4000-8000-000000000001";

const userId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const groupId = (n: number) => `0a7c5d5e-0000-4000-9000-${String(n).padStart(12, "0")}`;

export const SEED_USERS = [
  { id: userId(1), username: "admin", name: "Ada Admin", siteRoles: ["owner"], orgRoles: [] as string[] },
  { id: userId(2), username: "orgadmin", name: "Olga Orgadmin", siteRoles: [], orgRoles: ["organization-admin"] },
  { id: userId(3), username: "member", name: "Mel Member", siteRoles: [], orgRoles: [] },
  ...["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"].map(
    (username, index) => ({
      id: userId(10 + index),
      username,
      name: username[0]!.toUpperCase() + username.slice(1),
      siteRoles: [] as string[],
      orgRoles: [] as string[],
    }),
  ),
];

export const SEED_GROUPS = [
  { id: groupId(1), name: "developers", displayName: "Developers", members: ["member", "alice", "bob", "carol", "dave", "erin", "frank"], budgetMicros: 1_000_000_000 },
  { id: groupId(2), name: "data-science", displayName: "Data Science", members: ["grace", "heidi", "ivan"], budgetMicros: null },
  { id: groupId(3), name: "contractors", displayName: "Contractors", members: ["judy"], budgetMicros: 0 },
  { id: groupId(4), name: "new-hires", displayName: "New Hires", members: [], budgetMicros: null },
];

// This month's demo spend, in dollars, charged to the group that governs each
// user: under 85 %, between 85 % and 100 %, over the limit, and against $0.
export const SEED_SPEND: { username: string; group: string; usd: number }[] = [
  { username: "member", group: "developers", usd: 120 },
  { username: "alice", group: "developers", usd: 312.5 },
  { username: "bob", group: "developers", usd: 870 },
  { username: "carol", group: "developers", usd: 1_050 },
  { username: "dave", group: "developers", usd: 24.99 },
  { username: "grace", group: "Everyone", usd: 40 },
  { username: "judy", group: "contractors", usd: 2.5 },
];

/** Seeds an empty database; a database that has users is left alone. */
export async function seedIfEmpty(db: Database): Promise<boolean> {
  const [existing] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
  if (existing && existing.n > 0) return false;
  const hashed = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.query("INSERT INTO organizations (id, name, display_name, is_default) VALUES ($1, 'coder', 'Coder', true)", [
      ORGANIZATION_ID,
    ]);
    await tx.query(
      "INSERT INTO groups (id, organization_id, name, display_name) VALUES ($1, $1, 'Everyone', 'Everyone')",
      [ORGANIZATION_ID],
    );
    for (const [index, user] of SEED_USERS.entries()) {
      await tx.query(
        `INSERT INTO users (id, username, email, name, hashed_password, site_roles, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, timestamptz '2026-01-01T00:00:00Z' + make_interval(mins => $7))`,
        [user.id, user.username, `${user.username}@example.com`, user.name, hashed, user.siteRoles, index],
      );
      await tx.query(
        `INSERT INTO organization_members (organization_id, user_id, roles, created_at)
         VALUES ($1, $2, $3, timestamptz '2026-01-01T00:00:00Z' + make_interval(mins => $4))`,
        [ORGANIZATION_ID, user.id, user.orgRoles, index],
      );
    }
    const idOf = new Map(SEED_USERS.map((u) => [u.username, u.id]));
    for (const group of SEED_GROUPS) {
      await tx.query("INSERT INTO groups (id, organization_id, name, display_name) VALUES ($1, $2, $3, $4)", [
        group.id,
        ORGANIZATION_ID,
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
    const groupIdOf = new Map<string, string>([["Everyone", ORGANIZATION_ID], ...SEED_GROUPS.map((g) => [g.name, g.id] as [string, string])]);
    for (const spent of SEED_SPEND) {
      await tx.query(
        `INSERT INTO ai_user_daily_spend (user_id, group_id, day, spend_micros)
         VALUES ($1, $2, date_trunc('month', now() AT TIME ZONE 'UTC')::date, $3)`,
        [idOf.get(spent.username), groupIdOf.get(spent.group), dollarsToMicros(String(spent.usd))],
      );
    }
  });
  return true;
}
