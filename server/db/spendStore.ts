// SQL for AI spend and per-user overrides. Parameterized queries only.
import type { UserAIBudgetOverride } from "../../src/api/types";
import type { BudgetPeriod } from "../../src/utils/budgetPeriod";
import type { EffectiveInput } from "../effectiveBudget";
import type { Database } from "./database";

const day = (date: Date) => date.toISOString().slice(0, 10);
const iso = (value: Date | string) => new Date(value).toISOString();

interface OverrideRow {
  user_id: string;
  group_id: string;
  spend_limit_micros: string | number;
  created_at: Date;
  updated_at: Date;
}

const toOverride = (row: OverrideRow): UserAIBudgetOverride => ({
  user_id: row.user_id,
  group_id: row.group_id,
  spend_limit_micros: Number(row.spend_limit_micros),
  created_at: iso(row.created_at),
  updated_at: iso(row.updated_at),
});

export class SpendStore {
  constructor(readonly db: Database) {}

  /** What decides each user's effective budget. */
  async effectiveInputs(userIds: string[]): Promise<Map<string, EffectiveInput>> {
    const inputs = new Map<string, EffectiveInput>(userIds.map((id) => [id, { override: undefined, groups: [], everyone: undefined }]));
    if (userIds.length === 0) return inputs;
    const overrides = await this.db.query<OverrideRow>(
      "SELECT * FROM user_ai_budget_overrides WHERE user_id = ANY($1::uuid[])",
      [userIds],
    );
    for (const row of overrides) {
      inputs.get(row.user_id)!.override = { group_id: row.group_id, spend_limit_micros: Number(row.spend_limit_micros) };
    }
    const groups = await this.db.query<{ user_id: string; group_id: string; spend_limit_micros: string | number; member_since: Date }>(
      `SELECT gm.user_id, g.id AS group_id, b.spend_limit_micros, om.created_at AS member_since
       FROM group_members gm
       JOIN groups g ON g.id = gm.group_id
       JOIN group_ai_budgets b ON b.group_id = g.id
       JOIN organization_members om ON om.organization_id = g.organization_id AND om.user_id = gm.user_id
       WHERE gm.user_id = ANY($1::uuid[]) AND g.id <> g.organization_id`,
      [userIds],
    );
    for (const row of groups) {
      inputs.get(row.user_id)!.groups.push({
        group_id: row.group_id,
        spend_limit_micros: Number(row.spend_limit_micros),
        member_since: new Date(row.member_since),
      });
    }
    // The Everyone group of the organization each user joined first.
    const everyone = await this.db.query<{ user_id: string; group_id: string; spend_limit_micros: string | number | null }>(
      `SELECT DISTINCT ON (om.user_id) om.user_id, om.organization_id AS group_id, b.spend_limit_micros
       FROM organization_members om LEFT JOIN group_ai_budgets b ON b.group_id = om.organization_id
       WHERE om.user_id = ANY($1::uuid[])
       ORDER BY om.user_id, om.created_at`,
      [userIds],
    );
    for (const row of everyone) {
      inputs.get(row.user_id)!.everyone = {
        group_id: row.group_id,
        spend_limit_micros: row.spend_limit_micros === null ? null : Number(row.spend_limit_micros),
      };
    }
    return inputs;
  }

  /** Each user's spend in the period, whatever group it was charged to. */
  async userSpend(userIds: string[], period: BudgetPeriod): Promise<Map<string, number>> {
    const rows = await this.db.query<{ user_id: string; total: string }>(
      `SELECT user_id, sum(spend_micros)::text AS total FROM ai_user_daily_spend
       WHERE user_id = ANY($1::uuid[]) AND day >= $2 AND day < $3 GROUP BY user_id`,
      [userIds, day(period.start), day(period.end)],
    );
    return new Map(rows.map((r) => [r.user_id, Number(r.total)]));
  }

  /** Spend charged to each group in the period. */
  async groupSpend(groupIds: string[], period: BudgetPeriod): Promise<Map<string, number>> {
    const rows = await this.db.query<{ group_id: string; total: string }>(
      `SELECT group_id, sum(spend_micros)::text AS total FROM ai_user_daily_spend
       WHERE group_id = ANY($1::uuid[]) AND day >= $2 AND day < $3 GROUP BY group_id`,
      [groupIds, day(period.start), day(period.end)],
    );
    return new Map(rows.map((r) => [r.group_id, Number(r.total)]));
  }

  /**
   * The listed groups of `organizationId`, each with its budget and member
   * count, in one query. With `readerId`, only the groups that user is in
   * (a reader who administers the organization's groups passes none).
   */
  async groupBudgets(
    organizationId: string,
    groupIds: string[],
    readerId: string | undefined,
  ): Promise<Map<string, { spend_limit_micros: number | null; members: number }>> {
    const rows = await this.db.query<{ id: string; spend_limit_micros: string | number | null; members: number }>(
      `SELECT g.id, b.spend_limit_micros,
         (SELECT count(*)::int FROM (SELECT user_id FROM group_members WHERE group_id = g.id
            UNION SELECT user_id FROM organization_members WHERE organization_id = g.id) m) AS members
       FROM groups g LEFT JOIN group_ai_budgets b ON b.group_id = g.id
       WHERE g.id = ANY($1::uuid[]) AND g.organization_id = $2
         AND ($3::uuid IS NULL
           OR EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = g.id AND gm.user_id = $3)
           OR EXISTS (SELECT 1 FROM organization_members om WHERE om.organization_id = g.id AND om.user_id = $3))`,
      [groupIds, organizationId, readerId ?? null],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { spend_limit_micros: r.spend_limit_micros === null ? null : Number(r.spend_limit_micros), members: Number(r.members) },
      ]),
    );
  }

  /** Adds spend for a user on a day, charged to a group. */
  async recordSpend(userId: string, groupId: string, on: Date, micros: number): Promise<void> {
    await this.db.query(
      `INSERT INTO ai_user_daily_spend (user_id, group_id, day, spend_micros) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, group_id, day) DO UPDATE SET spend_micros = ai_user_daily_spend.spend_micros + EXCLUDED.spend_micros`,
      [userId, groupId, day(on), micros],
    );
  }

  async override(userId: string): Promise<UserAIBudgetOverride | undefined> {
    const [row] = await this.db.query<OverrideRow>("SELECT * FROM user_ai_budget_overrides WHERE user_id = $1", [userId]);
    return row && toOverride(row);
  }

  async upsertOverride(userId: string, groupId: string, micros: number): Promise<UserAIBudgetOverride> {
    const [row] = await this.db.query<OverrideRow>(
      `INSERT INTO user_ai_budget_overrides (user_id, group_id, spend_limit_micros) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET group_id = EXCLUDED.group_id,
         spend_limit_micros = EXCLUDED.spend_limit_micros, updated_at = clock_timestamp()
       RETURNING *`,
      [userId, groupId, micros],
    );
    return toOverride(row!);
  }

  async deleteOverride(userId: string): Promise<boolean> {
    const rows = await this.db.query("DELETE FROM user_ai_budget_overrides WHERE user_id = $1 RETURNING user_id", [userId]);
    return rows.length > 0;
  }

  /** Which of `userIds` are members of the group, without reading every member. */
  async membersAmong(groupId: string, userIds: string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ user_id: string }>(
      `SELECT user_id FROM group_members WHERE group_id = $1 AND user_id = ANY($2::uuid[])
       UNION SELECT user_id FROM organization_members WHERE organization_id = $1 AND user_id = ANY($2::uuid[])`,
      [groupId, userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  async memberCount(groupId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT user_id FROM group_members WHERE group_id = $1
       UNION SELECT user_id FROM organization_members WHERE organization_id = $1) m`,
      [groupId],
    );
    return row?.n ?? 0;
  }

  async userIdByName(nameOrId: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ id: string }>(
      "SELECT id FROM users WHERE username = $1 OR id::text = $1",
      [nameOrId],
    );
    return row?.id;
  }
}
