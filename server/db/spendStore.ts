// SQL for AI spend and per-user overrides: it reads what Coder's rules decide
// from (src/domain/budgetRules.ts), and never decides itself. Parameterized
// queries only.
import type { UserAIBudgetOverride } from "../../src/api/types";
import { overrideAuditEntry } from "../../src/domain/audit";
import type { ResolutionInput } from "../../src/domain/budgetRules";
import { sortExportRows, type SpendExportRow, type UsageRecord } from "../../src/domain/spendExport";
import type { BudgetPeriod } from "../../src/utils/budgetPeriod";
import type { Database } from "./database";
import type { Actor, Store } from "./store";

const day = (date: Date) => date.toISOString().slice(0, 10);
const iso = (value: Date | string) => new Date(value).toISOString();
const ms = (value: Date | string) => new Date(value).getTime();

/**
 * Every (group, organization, user) membership: explicit members, and every
 * organization member in its Everyone group (whose id is the organization's).
 */
export const EXPANDED_GROUP_MEMBERS = `(
  SELECT gm.group_id, g.organization_id, gm.user_id FROM group_members gm JOIN groups g ON g.id = gm.group_id
  UNION SELECT om.organization_id AS group_id, om.organization_id, om.user_id FROM organization_members om
)`;

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
  constructor(
    readonly db: Database,
    private readonly store: Store,
  ) {}

  /** What decides each user's governing budget, for every listed user. */
  async resolutionInputs(userIds: string[]): Promise<Map<string, ResolutionInput>> {
    const inputs = new Map<string, ResolutionInput>(userIds.map((id) => [id, { override: null, budgeted: [], organizations: [] }]));
    if (userIds.length === 0) return inputs;
    const [overrides, budgeted, organizations] = await Promise.all([
      this.db.query<{ user_id: string; group_id: string; organization_id: string; spend_limit_micros: string | number }>(
        `SELECT o.user_id, o.group_id, g.organization_id, o.spend_limit_micros
         FROM user_ai_budget_overrides o JOIN groups g ON g.id = o.group_id
         WHERE o.user_id = ANY($1::uuid[])`,
        [userIds],
      ),
      this.db.query<{ user_id: string; group_id: string; organization_id: string; spend_limit_micros: string | number; member_since: Date }>(
        `SELECT m.user_id, m.group_id, m.organization_id, b.spend_limit_micros, om.created_at AS member_since
         FROM ${EXPANDED_GROUP_MEMBERS} m
         JOIN group_ai_budgets b ON b.group_id = m.group_id
         JOIN organization_members om ON om.organization_id = m.organization_id AND om.user_id = m.user_id
         WHERE m.user_id = ANY($1::uuid[])`,
        [userIds],
      ),
      this.db.query<{ user_id: string; organization_id: string; is_default: boolean; member_since: Date }>(
        `SELECT om.user_id, om.organization_id, o.is_default, om.created_at AS member_since
         FROM organization_members om JOIN organizations o ON o.id = om.organization_id
         WHERE om.user_id = ANY($1::uuid[])`,
        [userIds],
      ),
    ]);
    for (const row of overrides) {
      inputs.get(row.user_id)!.override = {
        group_id: row.group_id,
        organization_id: row.organization_id,
        spend_limit_micros: Number(row.spend_limit_micros),
      };
    }
    for (const row of budgeted) {
      inputs.get(row.user_id)!.budgeted.push({
        group_id: row.group_id,
        organization_id: row.organization_id,
        spend_limit_micros: Number(row.spend_limit_micros),
        member_since: ms(row.member_since),
      });
    }
    for (const row of organizations) {
      inputs.get(row.user_id)!.organizations.push({
        organization_id: row.organization_id,
        is_default: row.is_default,
        member_since: ms(row.member_since),
      });
    }
    return inputs;
  }

  /** The members of each listed group (Everyone groups expanded). */
  async membersOfGroups(groupIds: string[]): Promise<Map<string, string[]>> {
    const members = new Map<string, string[]>(groupIds.map((id) => [id, []]));
    const rows = await this.db.query<{ group_id: string; user_id: string }>(
      `SELECT DISTINCT group_id, user_id FROM ${EXPANDED_GROUP_MEMBERS} m WHERE m.group_id = ANY($1::uuid[])`,
      [groupIds],
    );
    for (const row of rows) members.get(row.group_id)?.push(row.user_id);
    return members;
  }

  /** Which of `userIds` are members of the group, without reading every member. */
  async membersAmong(groupId: string, userIds: string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ user_id: string }>(
      `SELECT user_id FROM ${EXPANDED_GROUP_MEMBERS} m WHERE m.group_id = $1 AND m.user_id = ANY($2::uuid[])`,
      [groupId, userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /** Each listed user's spend in the period charged to one group, summed exactly. */
  async spendChargedTo(groupId: string, userIds: string[], period: BudgetPeriod): Promise<Map<string, bigint>> {
    const rows = await this.db.query<{ user_id: string; total: string }>(
      `SELECT user_id, sum(spend_micros)::text AS total FROM ai_user_daily_spend
       WHERE group_id = $1 AND user_id = ANY($2::uuid[]) AND day >= $3 AND day < $4 GROUP BY user_id`,
      [groupId, userIds, day(period.start), day(period.end)],
    );
    return new Map(rows.map((r) => [r.user_id, BigInt(r.total)]));
  }

  /** Spend charged to each group in the period, by anyone, summed exactly. */
  async groupSpend(groupIds: string[], period: BudgetPeriod): Promise<Map<string, bigint>> {
    const rows = await this.db.query<{ group_id: string; total: string }>(
      `SELECT group_id, sum(spend_micros)::text AS total FROM ai_user_daily_spend
       WHERE group_id = ANY($1::uuid[]) AND day >= $2 AND day < $3 GROUP BY group_id`,
      [groupIds, day(period.start), day(period.end)],
    );
    return new Map(rows.map((r) => [r.group_id, BigInt(r.total)]));
  }

  /**
   * The listed groups of `organizationId` with their budgets. With `readerId`,
   * only the groups that user is in (a reader who administers the
   * organization's groups passes none).
   */
  async groupBudgets(organizationId: string, groupIds: string[], readerId: string | undefined): Promise<Map<string, number | null>> {
    const rows = await this.db.query<{ id: string; spend_limit_micros: string | number | null }>(
      `SELECT g.id, b.spend_limit_micros
       FROM groups g LEFT JOIN group_ai_budgets b ON b.group_id = g.id
       WHERE g.id = ANY($1::uuid[]) AND g.organization_id = $2
         AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM ${EXPANDED_GROUP_MEMBERS} m WHERE m.group_id = g.id AND m.user_id = $3))`,
      [groupIds, organizationId, readerId ?? null],
    );
    return new Map(rows.map((r) => [r.id, r.spend_limit_micros === null ? null : Number(r.spend_limit_micros)]));
  }

  /** Adds spend for a user on a day, charged to a group. */
  async recordSpend(userId: string, groupId: string, on: Date, micros: number): Promise<void> {
    await this.db.query(
      `INSERT INTO ai_user_daily_spend (user_id, group_id, day, spend_micros) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, group_id, day) DO UPDATE SET spend_micros = ai_user_daily_spend.spend_micros + EXCLUDED.spend_micros`,
      [userId, groupId, day(on), micros],
    );
  }

  /** Records one request's usage and adds its cost to the day's spend charged to the group, together. */
  async recordUsage(usage: Omit<UsageRecord, "created_at">, at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO ai_usage (user_id, group_id, model, provider, provider_name, input_tokens, output_tokens,
           cache_read_tokens, cache_write_tokens, cost_micros, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [usage.user_id, usage.group_id, usage.model, usage.provider, usage.provider_name, usage.input_tokens, usage.output_tokens,
          usage.cache_read_tokens, usage.cache_write_tokens, usage.cost_micros, at],
      );
      await tx.query(
        `INSERT INTO ai_user_daily_spend (user_id, group_id, day, spend_micros) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, group_id, day) DO UPDATE SET spend_micros = ai_user_daily_spend.spend_micros + EXCLUDED.spend_micros`,
        [usage.user_id, usage.group_id, day(at), usage.cost_micros],
      );
    });
  }

  /** The organization's usage in [start, end), summed per user × charged group × model × provider. */
  async exportSpend(organizationId: string, period: BudgetPeriod): Promise<SpendExportRow[]> {
    const rows = await this.db.query<Record<keyof SpendExportRow, string>>(
      `SELECT u.user_id, users.username, u.group_id, g.name AS group_name, g.organization_id, o.name AS organization_name,
         u.model, u.provider, u.provider_name,
         sum(u.input_tokens)::text AS input_tokens, sum(u.output_tokens)::text AS output_tokens,
         sum(u.cache_read_tokens)::text AS cache_read_tokens, sum(u.cache_write_tokens)::text AS cache_write_tokens,
         sum(u.cost_micros)::text AS cost_micros
       FROM ai_usage u
       JOIN users ON users.id = u.user_id
       JOIN groups g ON g.id = u.group_id
       JOIN organizations o ON o.id = g.organization_id
       WHERE g.organization_id = $1 AND u.created_at >= $2 AND u.created_at < $3
       GROUP BY u.user_id, users.username, u.group_id, g.name, g.organization_id, o.name, u.model, u.provider, u.provider_name`,
      [organizationId, period.start, period.end],
    );
    return sortExportRows(
      rows.map((r) => ({
        user_id: r.user_id,
        username: r.username,
        group_id: r.group_id,
        group_name: r.group_name,
        organization_id: r.organization_id,
        organization_name: r.organization_name,
        model: r.model,
        provider: r.provider,
        provider_name: r.provider_name,
        input_tokens: Number(r.input_tokens),
        output_tokens: Number(r.output_tokens),
        cache_read_tokens: Number(r.cache_read_tokens),
        cache_write_tokens: Number(r.cache_write_tokens),
        cost_micros: Number(r.cost_micros),
      })),
    );
  }

  async override(userId: string): Promise<UserAIBudgetOverride | undefined> {
    const [row] = await this.db.query<OverrideRow>("SELECT * FROM user_ai_budget_overrides WHERE user_id = $1", [userId]);
    return row && toOverride(row);
  }

  /** Sets the override and audits it (as money, with the charged group's name) in one transaction. */
  async upsertOverride(
    user: { id: string; username: string },
    group: { id: string; name: string; organization_id: string },
    micros: number,
    actor: Actor,
  ): Promise<UserAIBudgetOverride> {
    return this.db.transaction(async (tx) => {
      const [previous] = await tx.query<{ spend_limit_micros: string; group_name: string }>(
        `SELECT o.spend_limit_micros, g.name AS group_name FROM user_ai_budget_overrides o JOIN groups g ON g.id = o.group_id
         WHERE o.user_id = $1 FOR UPDATE OF o`,
        [user.id],
      );
      const [row] = await tx.query<OverrideRow>(
        `INSERT INTO user_ai_budget_overrides (user_id, group_id, spend_limit_micros) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET group_id = EXCLUDED.group_id,
           spend_limit_micros = EXCLUDED.spend_limit_micros, updated_at = clock_timestamp()
         RETURNING *`,
        [user.id, group.id, micros],
      );
      const old = previous && { spend_limit_micros: Number(previous.spend_limit_micros), group_name: previous.group_name };
      await this.store.writeAudit(tx, actor, overrideAuditEntry(actor.username, user, group.organization_id, old, { spend_limit_micros: micros, group_name: group.name }));
      return toOverride(row!);
    });
  }

  /** Removes the override and audits it; false when there was none. */
  async deleteOverride(user: { id: string; username: string }, actor: Actor): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [deleted] = await tx.query<{ spend_limit_micros: string; group_name: string; organization_id: string }>(
        `DELETE FROM user_ai_budget_overrides o USING groups g WHERE o.user_id = $1 AND g.id = o.group_id
         RETURNING o.spend_limit_micros, g.name AS group_name, g.organization_id`,
        [user.id],
      );
      if (!deleted) return false;
      const old = { spend_limit_micros: Number(deleted.spend_limit_micros), group_name: deleted.group_name };
      await this.store.writeAudit(tx, actor, overrideAuditEntry(actor.username, user, deleted.organization_id, old, undefined));
      return true;
    });
  }

  async userByName(nameOrId: string): Promise<{ id: string; username: string } | undefined> {
    const [row] = await this.db.query<{ id: string; username: string }>(
      "SELECT id, username FROM users WHERE username = $1 OR id::text = $1",
      [nameOrId],
    );
    return row;
  }

  /** The organizations a user belongs to. */
  async organizationsOf(userId: string): Promise<string[]> {
    const rows = await this.db.query<{ organization_id: string }>("SELECT organization_id FROM organization_members WHERE user_id = $1", [userId]);
    return rows.map((r) => r.organization_id);
  }
}
