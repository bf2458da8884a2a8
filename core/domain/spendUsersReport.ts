// The per-user spend report over usage records held in memory (the MSW
// handlers answer from it; the embedded server computes the same in SQL,
// server/db/usageReports.ts): each user's cost, unpriced requests, providers,
// models and clients, most expensive first, then by username.
import type { AISpendReportUser, AISpendUsersReport } from "../types";
import { rfc3339, matchesFilters, type UsageRecord } from "./spendExport";
import type { SpendQuery } from "./spendQuery";

/** A request with tokens but no cost: no price was configured for its model. */
export const isUnpriced = (record: UsageRecord) =>
  record.cost_micros === 0 &&
  record.input_tokens + record.output_tokens + record.cache_read_tokens + record.cache_write_tokens > 0;

export function spendUsersReport(
  usage: Iterable<UsageRecord>,
  query: SpendQuery,
  organizationId: string,
  describe: (record: UsageRecord) => Pick<AISpendReportUser, "username" | "name" | "avatar_url"> | undefined,
): AISpendUsersReport {
  const users = new Map<string, AISpendReportUser & { exact: bigint; sets: Set<string>[] }>();
  for (const record of usage) {
    if (record.created_at < query.start.getTime() || record.created_at >= query.end.getTime()) continue;
    if (!matchesFilters(record, query.filters)) continue;
    const names = describe(record);
    if (!names) continue;
    const user = users.get(record.user_id) ?? {
      user_id: record.user_id,
      ...names,
      organization_id: organizationId,
      cost_micros: 0,
      exact: 0n,
      unpriced_usage_count: 0,
      providers: [],
      models: [],
      clients: [],
      sets: [new Set<string>(), new Set<string>(), new Set<string>()],
    };
    user.exact += BigInt(record.cost_micros);
    if (isUnpriced(record)) user.unpriced_usage_count += 1;
    user.sets[0]!.add(record.provider_name);
    user.sets[1]!.add(record.model);
    if (record.client) user.sets[2]!.add(record.client);
    users.set(record.user_id, user);
  }
  const ranked = [...users.values()].sort((a, b) =>
    a.exact !== b.exact ? (a.exact > b.exact ? -1 : 1) : a.username < b.username ? -1 : a.username > b.username ? 1 : 0,
  );
  const total = ranked.reduce((sum, u) => sum + u.exact, 0n);
  return {
    period_start: rfc3339(query.start),
    period_end: rfc3339(query.end),
    ...(query.retentionStart ? { retention_start: rfc3339(query.retentionStart) } : {}),
    count: ranked.length,
    totals: {
      cost_micros: Number(total),
      unpriced_usage_count: ranked.reduce((sum, u) => sum + u.unpriced_usage_count, 0),
    },
    users: ranked.slice(query.offset, query.offset + query.limit).map(({ exact, sets, ...user }) => ({
      ...user,
      cost_micros: Number(exact),
      providers: [...sets[0]!].sort(),
      models: [...sets[1]!].sort(),
      clients: [...sets[2]!].sort(),
    })),
  };
}
