// Coder's CSV export of AI spend, on the embedded server: the seeded month
// broken down by user, group, model and provider; usage recorded with its
// model, provider and tokens; the period rules; formula escaping.
import { describe, expect, it } from "vitest";
import { AI_SPEND_EXPORT_HEADER } from "../core/domain/spendExport";
import { budgetPeriod } from "../core/budgetPeriod";
import { SEED_GROUPS, SEED_SPEND, SEED_USERS } from "./seed";
import { useTestApi } from "./testHarness";

const api = useTestApi();

const userId = (name: string) => SEED_USERS.find((u) => u.username === name)!.id;
const exportOf = async (query = "", as = "admin", organization = "coder") => {
  const response = await api().request(`/organizations/${organization}/ai/spend/export${query}`, { as });
  return { response, text: await response.text() };
};
/** Rows as objects; only plain cells (no quoting) are expected in these tests but the escaping one. */
const rowsOf = (text: string) => {
  const [header, ...lines] = text.trimEnd().split("\n");
  const names = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i]!, cell])));
};
const record = (user: string, body: Record<string, unknown>) =>
  api().json("/__embedded/ai/usage", { method: "POST", body: JSON.stringify({ user, ...body }), as: "admin" });

describe("the spend export", () => {
  it("answers text/csv with Coder's header, a file name, and one row per user × group × model × provider", async () => {
    const { response, text } = await exportOf();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const period = budgetPeriod();
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="ai-spend-export-coder-${period.start.toISOString().slice(0, 10)}-to-${period.end.toISOString().slice(0, 10)}.csv"`,
    );
    expect(text.split("\n")[0]).toBe(AI_SPEND_EXPORT_HEADER.join(","));
    const rows = rowsOf(text);
    // Every seeded user of this organization on three models; frank's spend is in the other organization.
    expect(new Set(rows.map((r) => r.username))).toEqual(
      new Set(SEED_SPEND.filter((s) => s.username !== "frank").map((s) => s.username)),
    );
    expect(
      rows
        .filter((r) => r.username === "bob")
        .map((r) => r.model)
        .sort(),
    ).toHaveLength(3);
    expect(new Set(rows.map((r) => r.provider))).toEqual(new Set(["anthropic", "openai", "google"]));
    for (const row of rows) {
      expect(row.period_start).toBe(period.start.toISOString().replace(".000Z", "Z"));
      expect(row.period_end).toBe(period.end.toISOString().replace(".000Z", "Z"));
    }
  });

  it("sums exactly to the spend charged to each user this month", async () => {
    const rows = rowsOf((await exportOf()).text);
    for (const spent of SEED_SPEND.filter((s) => s.username !== "frank")) {
      const total = rows
        .filter((r) => r.username === spent.username)
        .reduce((sum, r) => sum + BigInt(r.cost_micros!), 0n);
      expect(total, spent.username).toBe(BigInt(Math.round(spent.usd * 100)) * 10_000n);
      const group = spent.group === "Everyone" ? "Everyone" : SEED_GROUPS.find((g) => g.name === spent.group)!.name;
      expect(new Set(rows.filter((r) => r.username === spent.username).map((r) => r.group_name))).toEqual(
        new Set([group]),
      );
    }
  });

  it("records usage with its model, provider and tokens, charged to the governing group, in the spend and the export", async () => {
    const answer = await record("alice", {
      spend_micros: 2_500_000,
      model: "o3",
      provider: "openai",
      provider_name: "openai-eu",
      input_tokens: 1_000,
      output_tokens: 200,
      cache_read_tokens: 30,
      cache_write_tokens: 4,
    });
    expect(answer.status).toBe(200);
    const row = rowsOf((await exportOf()).text).find((r) => r.username === "alice" && r.model === "o3");
    expect(row).toMatchObject({
      user_id: userId("alice"),
      group_name: "developers",
      provider: "openai",
      provider_name: "openai-eu",
      input_tokens: "1000",
      output_tokens: "200",
      cache_read_tokens: "30",
      cache_write_tokens: "4",
      cost_micros: "2500000",
    });
    expect((await record("alice", { spend_micros: 1, input_tokens: -1 })).status).toBe(400);
  });

  it("defuses cells a spreadsheet would run as a formula, and quotes commas", async () => {
    await record("alice", {
      spend_micros: 1,
      model: '=HYPERLINK("http://x")',
      provider: "@evil",
      provider_name: "a,b",
    });
    const { text } = await exportOf();
    expect(text).toContain(`,"'=HYPERLINK(""http://x"")",'@evil,"a,b",`);
  });

  it("covers any range up to 31 days, and refuses the rest with Coder's messages", async () => {
    const empty = await exportOf("?period_start=2026-01-01T00:00:00Z&period_end=2026-02-01T00:00:00Z");
    expect(empty.response.status).toBe(200);
    expect(empty.text).toBe(`${AI_SPEND_EXPORT_HEADER.join(",")}\n`);
    const refused = async (query: string) => {
      const { response, text } = await exportOf(query);
      return { status: response.status, body: JSON.parse(text) as { message: string } };
    };
    expect(await refused("?period_end=2026-01-02T00:00:00Z")).toEqual({
      status: 400,
      body: { message: 'Query parameters "period_start" and "period_end" must be provided together.' },
    });
    expect((await refused("?period_start=2026-01-01T00:00:00Z&period_end=2026-02-01T00:00:00.001Z")).body.message).toBe(
      "Query period must not exceed 31 days.",
    );
    expect((await refused("?period_start=2026-01-01T00:00:00Z&period_end=2026-01-01T00:00:00Z")).body.message).toBe(
      'Query parameter "period_start" must be before "period_end".',
    );
    expect((await refused("?period_start=2026-01-01&period_end=2026-01-02T00:00:00Z")).body.message).toBe(
      "Query parameters have invalid values.",
    );
  });

  it("is for the organization's admins only", async () => {
    expect((await exportOf("", "orgadmin")).response.status).toBe(200);
    expect((await exportOf("", "useradmin")).response.status).toBe(200);
    const member = await exportOf("", "member");
    expect(member.response.status).toBe(403);
    expect(JSON.parse(member.text)).toEqual({ message: "Forbidden." });
    // An organization admin of coder is not a member of research: it does not exist for them (404, as Coder).
    expect((await exportOf("", "orgadmin", "research")).response.status).toBe(404);
  });
});
