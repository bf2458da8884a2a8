// AI spend: one row per request (ai_usage) and its sum per user, charged
// group and UTC day (ai_user_daily_spend), which budgets are checked against.
// Sums come back as BigInt: a month of heavy spend can pass 2^53.
import type { UsageRecord } from "../../core/domain/spendExport";
import type { BudgetPeriod } from "../../core/budgetPeriod";
import type { Database, Queryable } from "./database";
import { day } from "./rows";

const ADD_DAILY_SPEND = `INSERT INTO ai_user_daily_spend (user_id, group_id, day, spend_micros) VALUES ($1, $2, $3, $4)
  ON CONFLICT (user_id, group_id, day) DO UPDATE SET spend_micros = ai_user_daily_spend.spend_micros + EXCLUDED.spend_micros`;

/** Records one request's usage and adds its cost to the day's spend charged to its group; `tx` makes them one. */
export async function insertUsage(tx: Queryable, usage: Omit<UsageRecord, "created_at">, at: Date): Promise<void> {
  await tx.query(
    `INSERT INTO ai_usage (user_id, group_id, model, provider, provider_name, input_tokens, output_tokens,
       cache_read_tokens, cache_write_tokens, cost_micros, created_at, client)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      usage.user_id,
      usage.group_id,
      usage.model,
      usage.provider,
      usage.provider_name,
      usage.input_tokens,
      usage.output_tokens,
      usage.cache_read_tokens,
      usage.cache_write_tokens,
      usage.cost_micros,
      at,
      usage.client ?? "",
    ],
  );
  await tx.query(ADD_DAILY_SPEND, [usage.user_id, usage.group_id, day(at), usage.cost_micros]);
}

export class Spend {
  constructor(private readonly db: Database) {}

  /** Each listed user's spend in the period charged to one group. */
  async chargedTo(groupId: string, userIds: string[], period: BudgetPeriod): Promise<Map<string, bigint>> {
    const rows = await this.db.query<{ user_id: string; total: string }>(
      `SELECT user_id, sum(spend_micros)::text AS total FROM ai_user_daily_spend
       WHERE group_id = $1 AND user_id = ANY($2::uuid[]) AND day >= $3 AND day < $4 GROUP BY user_id`,
      [groupId, userIds, day(period.start), day(period.end)],
    );
    return new Map(rows.map((r) => [r.user_id, BigInt(r.total)]));
  }

  /** Spend charged to each group in the period, by anyone. */
  async ofGroups(groupIds: string[], period: BudgetPeriod): Promise<Map<string, bigint>> {
    const rows = await this.db.query<{ group_id: string; total: string }>(
      `SELECT group_id, sum(spend_micros)::text AS total FROM ai_user_daily_spend
       WHERE group_id = ANY($1::uuid[]) AND day >= $2 AND day < $3 GROUP BY group_id`,
      [groupIds, day(period.start), day(period.end)],
    );
    return new Map(rows.map((r) => [r.group_id, BigInt(r.total)]));
  }

  /** Adds spend for a user on a day, charged to a group, without a usage row (for tests of the sums). */
  async record(userId: string, groupId: string, on: Date, micros: number): Promise<void> {
    await this.db.query(ADD_DAILY_SPEND, [userId, groupId, day(on), micros]);
  }

  async recordUsage(usage: Omit<UsageRecord, "created_at">, at: Date): Promise<void> {
    await this.db.transaction((tx) => insertUsage(tx, usage, at));
  }
}
