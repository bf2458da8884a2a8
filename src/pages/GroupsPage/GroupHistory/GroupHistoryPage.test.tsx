// A group's History tab against the MSW backend: the audit log's changes to
// the group's budget, its overrides and its members, and its spend by day.
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { API } from "../../../api/api";
import { MockGroup } from "../../../testHelpers/entities";
import { mockRecordUsage, mockSignIn } from "../../../testHelpers/handlers";
import { renderApp } from "../../../testHelpers/renderApp";
import { recordRequests, server } from "../../../testHelpers/server";

const HISTORY = "/organizations/coder/groups/developers/history";
const alice = MockGroup.members.find((m) => m.username === "alice")!;
const usage = (cost_micros: number) => ({
  model: "gpt-5",
  provider: "openai",
  provider_name: "openai",
  input_tokens: 1,
  output_tokens: 1,
  cache_read_tokens: 0,
  cache_write_tokens: 0,
  cost_micros,
});

describe("the group's history", () => {
  it("shows two budget changes and an override set and removed, newest first, with who and how much", async () => {
    await API.upsertGroupAIBudget(MockGroup.id, { spend_limit_micros: 1_234_000_000 });
    await API.upsertGroupAIBudget(MockGroup.id, { spend_limit_micros: 1_500_000_000 });
    await API.upsertUserAIBudgetOverride(alice.id, { group_id: MockGroup.id, spend_limit_micros: 9_000_000_000 });
    await API.deleteUserAIBudgetOverride(alice.id);
    renderApp(HISTORY);
    const table = (await screen.findByRole("heading", { name: "Changes, newest first" })).parentElement!;
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole("cell")
          .slice(1)
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ["admin", "Override for aliceremoved (was $9,000.00)"],
      ["admin", "Override for aliceset $9,000.00"],
      ["admin", "Budget per member$1,234.00 → $1,500.00"],
      ["admin", "Budget per member$1,000.00 → $1,234.00"],
    ]);
    // Local time to read, UTC on hover.
    expect(within(table).getAllByRole("row")[1]!.querySelector("time")).toHaveAttribute(
      "title",
      expect.stringMatching(/UTC$/),
    );
  });

  it("says so when nothing has changed yet", async () => {
    renderApp(HISTORY);
    expect(await screen.findByText("No changes yet")).toBeInTheDocument();
  });

  it("gives a member, who may not read the audit log, a note and sends no audit request", async () => {
    mockSignIn("member");
    const seen = recordRequests();
    renderApp(HISTORY);
    expect(await screen.findByText("History comes from the audit log, which you may not read.")).toBeInTheDocument();
    expect(seen.some((r) => r.path.endsWith("/audit"))).toBe(false);
  });

  it("shows spend by day as a table, one export request per past day, never more than 4 at once", async () => {
    mockRecordUsage("alice", MockGroup.id, usage(12_500_000), new Date("2026-11-02T10:00:00Z"));
    mockRecordUsage("bob", MockGroup.id, usage(7_500_000), new Date("2026-11-04T10:00:00Z"));
    const seen = recordRequests();
    let inFlight = 0;
    let most = 0;
    const isExport = (request: Request) => request.url.includes("/ai/spend/export");
    server.events.on("request:start", ({ request }) => {
      if (isExport(request)) most = Math.max(most, ++inFlight);
    });
    server.events.on("request:end", ({ request }) => {
      if (isExport(request)) inFlight--;
    });
    const { user } = renderApp(HISTORY, { now: "2026-11-05T12:00:00.000Z" });
    await user.click(await screen.findByText("Spend by day as a table"));
    const table = screen.getByRole("table", { name: "Spend by day, by day" });
    const cells = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      );
    expect(cells).toEqual([
      ["November 1", "$0.00", "$0.00"],
      ["November 2", "$12.50", "$12.50"],
      ["November 3", "$0.00", "$12.50"],
      ["November 4", "$7.50", "$20.00"],
      ["November 5", "$0.00", "$20.00"],
    ]);
    // Five days and the same days of October.
    expect(seen.filter((r) => r.path.endsWith("/ai/spend/export"))).toHaveLength(6);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
    expect(screen.getByRole("img", { name: /^\$20\.00 spent through November 5/ })).toBeInTheDocument();
  });
});
