// The organization's usage (ai_usage) read for the CSV export and the
// per-user spend report. The export is read a batch of users at a time so a
// month of a million rows streams out without holding it all, and the server
// answers other requests between batches (docs/coder-conformance.md). Sums come back as text and stay
// exact (BigInt past 2^53).
import type { SpendExportRow, Sum } from "../../core/domain/spendExport";
import type { SpendFilters } from "../../core/domain/spendQuery";
import type { AISpendReportUser } from "../../core/types";
import type { Database } from "./database";

/**
 * Usage rows per export batch: users are read together until their rows reach
 * this many (a user is never split), so each query is short and the server
 * answers other requests between them.
 */
const EXPORT_BATCH_ROWS = 20_000;
/** PostgreSQL has no year 0; nothing was recorded before 1970, so earlier bounds read the same rows. */
const EARLIEST = new Date(0);

const exact = (text: string): Sum => {
  const value = BigInt(text);
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
};

export interface UsageWindow {
  start: Date;
  end: Date;
  filters: SpendFilters;
}

/** The WHERE clause of a window and its filters, from parameter $2 on ($1 is the organization). */
function where(window: UsageWindow): { sql: string; params: unknown[] } {
  const params: unknown[] = [
    window.start < EARLIEST ? EARLIEST : window.start,
    window.end < EARLIEST ? EARLIEST : window.end,
  ];
  let sql = "g.organization_id = $1 AND u.created_at >= $2 AND u.created_at < $3";
  const columns: [keyof SpendFilters, string][] = [
    ["user_id", "u.user_id"],
    ["group_id", "u.group_id"],
    ["provider_name", "u.provider_name"],
    ["model", "u.model"],
    ["client", "u.client"],
  ];
  for (const [name, column] of columns) {
    const value = window.filters[name];
    if (value === undefined) continue;
    params.push(value);
    sql += ` AND ${column} = $${params.length + 1}`;
  }
  return { sql, params };
}

export class UsageReports {
  constructor(private readonly db: Database) {}

  /** The export's rows, in Coder's order (user, group, provider, provider name, model), a batch of users at a time. */
  async *exportRows(organizationId: string, window: UsageWindow): AsyncGenerator<SpendExportRow[]> {
    const filter = where(window);
    const users = await this.db.query<{ user_id: string; rows: string }>(
      `SELECT u.user_id, count(*)::text AS rows FROM ai_usage u JOIN groups g ON g.id = u.group_id
       WHERE ${filter.sql} GROUP BY u.user_id ORDER BY u.user_id`,
      [organizationId, ...filter.params],
    );
    const batches: string[][] = [];
    let rowsInBatch = 0;
    for (const { user_id, rows } of users) {
      if (batches.length === 0 || rowsInBatch >= EXPORT_BATCH_ROWS) {
        batches.push([]);
        rowsInBatch = 0;
      }
      batches.at(-1)!.push(user_id);
      rowsInBatch += Number(rows);
    }
    for (const batch of batches) {
      const n = filter.params.length + 2;
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
         WHERE ${filter.sql} AND u.user_id = ANY($${n}::uuid[])
         GROUP BY u.user_id, users.username, u.group_id, g.name, g.organization_id, o.name, u.model, u.provider, u.provider_name
         ORDER BY u.user_id, u.group_id, u.provider COLLATE "C", u.provider_name COLLATE "C", u.model COLLATE "C"`,
        [organizationId, ...filter.params, batch],
      );
      yield rows.map((r) => ({
        user_id: r.user_id,
        username: r.username,
        group_id: r.group_id,
        group_name: r.group_name,
        organization_id: r.organization_id,
        organization_name: r.organization_name,
        model: r.model,
        provider: r.provider,
        provider_name: r.provider_name,
        input_tokens: exact(r.input_tokens),
        output_tokens: exact(r.output_tokens),
        cache_read_tokens: exact(r.cache_read_tokens),
        cache_write_tokens: exact(r.cache_write_tokens),
        cost_micros: exact(r.cost_micros),
      }));
    }
  }

  /**
   * One page of the per-user report, most expensive first (then username),
   * with the count and totals of every user in the window. A request recorded
   * at no cost but with tokens is unpriced usage.
   */
  async usersReport(
    organizationId: string,
    window: UsageWindow,
    page: { limit: number; offset: number },
  ): Promise<{ count: number; cost: bigint; unpriced: number; users: (AISpendReportUser & { exactCost: bigint })[] }> {
    const filter = where(window);
    const unpriced =
      "(u.cost_micros = 0 AND (u.input_tokens + u.output_tokens + u.cache_read_tokens + u.cache_write_tokens) > 0)";
    const perUser = `SELECT u.user_id, sum(u.cost_micros) AS cost, count(*) FILTER (WHERE ${unpriced}) AS unpriced,
        array_agg(DISTINCT u.provider_name) AS providers, array_agg(DISTINCT u.model) AS models,
        array_agg(DISTINCT u.client) FILTER (WHERE u.client <> '') AS clients
      FROM ai_usage u JOIN groups g ON g.id = u.group_id WHERE ${filter.sql} GROUP BY u.user_id`;
    const [totals] = await this.db.query<{ count: string; cost: string | null; unpriced: string | null }>(
      `SELECT count(*)::text AS count, sum(cost)::text AS cost, sum(unpriced)::text AS unpriced FROM (${perUser}) t`,
      [organizationId, ...filter.params],
    );
    const n = filter.params.length + 2;
    const rows = await this.db.query<{
      user_id: string;
      username: string;
      name: string;
      avatar_url: string;
      cost: string;
      unpriced: string;
      providers: string[];
      models: string[];
      clients: string[] | null;
    }>(
      `SELECT t.user_id, users.username, users.name, users.avatar_url, t.cost::text AS cost, t.unpriced::text AS unpriced,
         t.providers, t.models, t.clients
       FROM (${perUser}) t JOIN users ON users.id = t.user_id
       ORDER BY t.cost DESC, users.username COLLATE "C" LIMIT $${n} OFFSET $${n + 1}`,
      [organizationId, ...filter.params, page.limit, page.offset],
    );
    const sorted = (values: string[] | null) => [...(values ?? [])].sort();
    return {
      count: Number(totals?.count ?? 0),
      cost: BigInt(totals?.cost ?? 0),
      unpriced: Number(totals?.unpriced ?? 0),
      users: rows.map((r) => ({
        user_id: r.user_id,
        username: r.username,
        name: r.name ?? "",
        avatar_url: r.avatar_url ?? "",
        organization_id: organizationId,
        cost_micros: Number(r.cost),
        exactCost: BigInt(r.cost),
        unpriced_usage_count: Number(r.unpriced),
        providers: sorted(r.providers),
        models: sorted(r.models),
        clients: sorted(r.clients),
      })),
    };
  }
}
