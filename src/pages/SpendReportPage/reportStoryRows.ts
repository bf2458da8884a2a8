// Export rows for the report's stories, with costs in dollars as a designer
// writes them; the report's own functions sum them.
import type { ReportRow } from "../../../core/domain/spendReport";
import { dollarsToMicros } from "../../../core/currency";

export const reportRow = (
  username: string,
  group: string,
  model: string,
  provider: string,
  costUSD: string,
  inputTokens: number,
): ReportRow => {
  const outputTokens = Math.round(inputTokens / 10);
  const costMicros = dollarsToMicros(costUSD);
  // The export's CSV line for the row, as the Download button writes it.
  const cells = [
    `id-${username}`,
    username,
    `g-${group}`,
    group,
    "org",
    "coder",
    model,
    provider,
    provider,
    String(inputTokens),
    String(outputTokens),
    "0",
    "0",
    String(costMicros),
    "2026-11-01T00:00:00Z",
    "2026-12-01T00:00:00Z",
  ];
  return {
    user_id: `id-${username}`,
    username,
    group_id: `g-${group}`,
    group_name: group,
    model,
    provider,
    provider_name: provider,
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    cache_read_tokens: 0,
    cache_write_tokens: 0,
    cost_micros: BigInt(costMicros),
    cells,
  };
};

/** A month of several users, groups, models and providers. */
export const REPORT_ROWS: ReportRow[] = [
  reportRow("bob", "developers", "gpt-5", "openai", "522", 104_400_000),
  reportRow("bob", "developers", "claude-sonnet-4-5", "anthropic", "261", 39_150_000),
  reportRow("carol", "developers", "claude-haiku-4-5", "anthropic", "630", 378_000_000),
  reportRow("alice", "developers", "gemini-2.5-pro", "google", "187.50", 46_875_000),
  reportRow("judy", "contractors", "gpt-5-mini", "openai", "2.50", 3_750_000),
  reportRow("grace", "Everyone", "gpt-5", "openai", "24", 4_800_000),
];
