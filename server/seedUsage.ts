// The demo deployment's usage, as plain data: this month's spend per user (the
// numbers the tests and the demo read), spread over models and days, and three
// months before it for history and trends. The people and groups are in seedData.ts.
import { dollarsToMicros, splitMicros, unitsForMicros } from "../core/currency";
import type { ModelUsage } from "../core/domain/spendExport";

// This month's demo spend, in dollars, charged to the group that governs each
// user: under 85 %, between 85 % and 100 %, over the limit, against $0, and
// in the other organization.
export const SEED_SPEND: { username: string; group: string; usd: number }[] = [
  { username: "member", group: "developers", usd: 120 },
  { username: "alice", group: "developers", usd: 312.5 },
  { username: "bob", group: "developers", usd: 870 },
  { username: "carol", group: "developers", usd: 1_050 },
  { username: "dave", group: "developers", usd: 24.99 },
  { username: "grace", group: "Everyone", usd: 40 },
  { username: "judy", group: "contractors", usd: 2.5 },
  { username: "frank", group: "gpu-lab", usd: 410 },
  // A few of the Everyone-only crowd, so its pages show spend too.
  { username: "amir-lopez", group: "Everyone", usd: 18.75 },
  { username: "jade-lopez", group: "Everyone", usd: 64.2 },
  { username: "priya-okafor", group: "Everyone", usd: 7.5 },
];

// The models the demo's usage is spread over: several providers, one of them
// configured under its own name (an Azure deployment of OpenAI's models).
export const SEED_MODELS = [
  { model: "claude-sonnet-4-5", provider: "anthropic", provider_name: "anthropic", tokensPerDollar: 150_000 },
  { model: "claude-haiku-4-5", provider: "anthropic", provider_name: "anthropic", tokensPerDollar: 600_000 },
  { model: "gpt-5", provider: "openai", provider_name: "openai", tokensPerDollar: 200_000 },
  { model: "gpt-5-mini", provider: "openai", provider_name: "azure-openai", tokensPerDollar: 1_500_000 },
  { model: "gemini-2.5-pro", provider: "google", provider_name: "vertex", tokensPerDollar: 250_000 },
] as const;

export interface SeedUsage extends ModelUsage {
  username: string;
  group: string;
  cost_micros: number;
  /** ms since the epoch, in this month up to `now`. */
  created_at: number;
}

/**
 * This month's demo usage: each user's SEED_SPEND split over three of the
 * models, on days spread from the 1st to today, so the spend per user and
 * group is exactly SEED_SPEND's and the export has a realistic mix.
 */
export function seedUsage(now: Date): SeedUsage[] {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const today = now.getUTCDate();
  return SEED_SPEND.flatMap((spent, u) => {
    const models = [0, 1, 2].map((i) => SEED_MODELS[(u + i * 2) % SEED_MODELS.length]!);
    const costs = splitMicros(dollarsToMicros(String(spent.usd)), [6, 3, 1]);
    return models.map((m, i) => {
      const day = 1 + ((u * 3 + i * 5) % today);
      // Earlier than now on today's date, so nothing lies in the future.
      const created_at = Math.min(
        Date.UTC(year, month, day, 8 + ((u + i) % 9), (u * 7 + i * 13) % 60),
        now.getTime() - 60_000 * (i + 1),
      );
      const tokens = unitsForMicros(costs[i]!, m.tokensPerDollar);
      return {
        username: spent.username,
        group: spent.group,
        model: m.model,
        provider: m.provider,
        provider_name: m.provider_name,
        input_tokens: Math.floor(tokens * 0.7),
        output_tokens: Math.floor(tokens * 0.1),
        cache_read_tokens: Math.floor(tokens * 0.15),
        cache_write_tokens: tokens - Math.floor(tokens * 0.7) - Math.floor(tokens * 0.1) - Math.floor(tokens * 0.15),
        cost_micros: costs[i]!,
        created_at: Math.max(created_at, Date.UTC(year, month, 1)),
      };
    });
  });
}

/** How much of this month's SEED_SPEND each user spent in each of the three months before it, oldest first. */
export const SEED_PAST_MONTH_PERCENT = [55, 70, 85] as const;

/**
 * Three previous months of demo usage, so history and trends show something
 * on a fresh start: each user's SEED_SPEND scaled by the month's percent, in
 * one-cent amounts spread over ten days of that month, charged to the same
 * group. This month's totals (which the tests rely on) are untouched.
 */
export function seedPastUsage(now: Date): SeedUsage[] {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return SEED_PAST_MONTH_PERCENT.flatMap((percent, m) => {
    const monthsAgo = SEED_PAST_MONTH_PERCENT.length - m;
    const daysIn = new Date(Date.UTC(year, month - monthsAgo + 1, 0)).getUTCDate();
    return SEED_SPEND.flatMap((spent, u) => {
      // Whole cents, in integers: micros × percent is exact well past any demo amount.
      const cents = Math.floor((dollarsToMicros(String(spent.usd)) * percent) / 1_000_000);
      // Split in cents, so each day's amount is a whole number of cents, as a bill reads.
      const costs = splitMicros(cents, [3, 2, 2, 1, 1, 1, 1, 1, 1, 1]).map((c) => c * 10_000);
      return costs.map((cost_micros, i) => {
        const model = SEED_MODELS[(u + i) % SEED_MODELS.length]!;
        const tokens = unitsForMicros(cost_micros, model.tokensPerDollar);
        const input = Math.floor(tokens * 0.8);
        return {
          username: spent.username,
          group: spent.group,
          model: model.model,
          provider: model.provider,
          provider_name: model.provider_name,
          input_tokens: input,
          output_tokens: tokens - input,
          cache_read_tokens: 0,
          cache_write_tokens: 0,
          cost_micros,
          created_at: Date.UTC(
            year,
            month - monthsAgo,
            1 + ((u * 5 + i * 3) % daysIn),
            9 + ((u + i) % 8),
            (u * 11 + i) % 60,
          ),
        };
      });
    });
  });
}
