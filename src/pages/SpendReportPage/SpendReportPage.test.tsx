// The spend report, as an organization admin uses it, against the MSW
// handlers' export (the same rules as the embedded server's).
import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MockGroup } from "../../testHelpers/entities";
import { mockBackend, mockRecordUsage, mockSignIn } from "../../testHelpers/handlers";
import { renderApp } from "../../testHelpers/renderApp";
import { server } from "../../testHelpers/server";

const PATH = "/organizations/coder/ai-spend";
const ON = new Date("2026-11-10T12:00:00Z");
const usage = (model: string, provider: string, usd: number, tokens = 1_000) => ({
  model,
  provider,
  provider_name: provider,
  input_tokens: tokens,
  output_tokens: tokens / 10,
  cache_read_tokens: 0,
  cache_write_tokens: 0,
  cost_micros: usd * 1_000_000,
});

/** The report opens on the month of this day. */
const now = "2026-11-16T05:24:00.000Z";
beforeEach(() => {
  // Coder v2.36: every table comes from the CSV (spendReportByUser.test.tsx has the newer paged "By user").
  mockBackend.version = "v2.36.1";
  mockRecordUsage("bob", MockGroup.id, usage("gpt-5", "openai", 10), ON);
  mockRecordUsage("bob", MockGroup.id, usage("claude-sonnet-4-5", "anthropic", 5), ON);
  mockRecordUsage("alice", MockGroup.id, usage("gpt-5", "openai", 2), ON);
  // Last month: outside the default period.
  mockRecordUsage("carol", MockGroup.id, usage("gpt-5", "openai", 99), new Date("2026-10-20T00:00:00Z"));
});
afterEach(() => {
  vi.restoreAllMocks();
});

const table = (name: string) => screen.getByRole("table", { name });
const firstRowName = (name: string) =>
  within(within(table(name)).getAllByRole("rowgroup")[1]!).getAllByRole("rowheader")[0]!.textContent;

describe("the spend report", () => {
  it("shows this month's spend by user, group, model and provider, with totals and charts", async () => {
    renderApp(PATH, { now });
    await screen.findByRole("table", { name: "By user" });
    expect(screen.getByRole("status")).toHaveTextContent(
      "$17.00 in total, 3,000 input and 300 output tokens, over 3 rows.",
    );
    expect(screen.getByLabelText("From")).toHaveValue("2026-11-01");
    expect(screen.getByLabelText("To")).toHaveValue("2026-11-30");
    const byUser = within(table("By user"));
    expect(byUser.getByRole("row", { name: /^bob 2,000 200 0 0 \$15\.00$/ })).toBeInTheDocument();
    expect(byUser.getByRole("row", { name: /^Total 3,000 300 0 0 \$17\.00$/ })).toBeInTheDocument();
    expect(within(table("By model")).getByRole("row", { name: /^gpt-5 2,000 200 0 0 \$12\.00$/ })).toBeInTheDocument();
    expect(within(table("By group")).getByRole("row", { name: /^developers .* \$17\.00$/ })).toBeInTheDocument();
    expect(within(table("By provider")).getByRole("row", { name: /^anthropic .* \$5\.00$/ })).toBeInTheDocument();
    const byModel = screen.getByRole("list", { name: "Spend by model" });
    expect(
      within(byModel)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["gpt-5$12.00", "claude-sonnet-4-5$5.00"]);
    expect(within(screen.getByRole("list", { name: "Top users" })).getAllByRole("listitem")[0]).toHaveTextContent(
      "bob$15.00",
    );
  });

  it("sorts a table by any column", async () => {
    const { user } = renderApp(PATH, { now });
    await screen.findByRole("table", { name: "By user" });
    expect(firstRowName("By user")).toBe("bob");
    await user.click(within(table("By user")).getByRole("button", { name: "User" }));
    expect(within(table("By user")).getByRole("columnheader", { name: "User" })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    expect(firstRowName("By user")).toBe("alice");
    await user.click(within(table("By user")).getByRole("button", { name: "Cost" }));
    await user.click(within(table("By user")).getByRole("button", { name: "Cost" }));
    expect(within(table("By user")).getByRole("columnheader", { name: "Cost" })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    expect(firstRowName("By user")).toBe("alice");
  });

  it("filters by model, and downloads exactly the rows shown as Coder's CSV", async () => {
    const created = vi.fn((_blob: Blob) => "blob:report");
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const { user } = renderApp(PATH, { now });
    await screen.findByRole("table", { name: "By user" });
    await user.selectOptions(screen.getByLabelText("Model"), "gpt-5");
    expect(screen.getByRole("status")).toHaveTextContent("$12.00 in total");
    await user.click(screen.getByRole("button", { name: "Download CSV" }));
    expect(click).toHaveBeenCalledTimes(1);
    const csv = await created.mock.calls[0]![0].text();
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "user_id,username,group_id,group_name,organization_id,organization_name,model,provider,provider_name,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,cost_micros,period_start,period_end",
    );
    expect(
      lines.slice(1).map((l) => l.split(",").slice(1, 2).concat(l.split(",").slice(6, 7), l.split(",").slice(13))),
    ).toEqual([
      ["alice", "gpt-5", "2000000", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"],
      ["bob", "gpt-5", "10000000", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"],
    ]);
  });

  it("asks for a period up to 31 days in one request, and refuses a start past the retention window before asking", async () => {
    const asked: string[] = [];
    server.events.on("request:start", ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith("/ai/spend/export")) asked.push(url.search);
    });
    const { user } = renderApp(PATH, { now });
    await screen.findByRole("table", { name: "By user" });
    await user.clear(screen.getByLabelText("From"));
    await user.type(screen.getByLabelText("From"), "2026-09-01");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "The deployment keeps AI spend for 60 days: start on September 18, 2026 or later.",
    );
    expect(screen.getByLabelText("From")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("From")).toHaveAccessibleDescription(/keeps AI spend for 60 days/);
    expect(screen.getByRole("button", { name: "Show" })).toBeDisabled();
    await user.clear(screen.getByLabelText("From"));
    await user.type(screen.getByLabelText("From"), "2026-10-01");
    await user.clear(screen.getByLabelText("To"));
    await user.type(screen.getByLabelText("To"), "2026-10-31");
    await user.click(screen.getByRole("button", { name: "Show" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("$99.00 in total"));
    const spans = asked.map((search) => [
      new URLSearchParams(search).get("period_start")!,
      new URLSearchParams(search).get("period_end")!,
    ]);
    // Each period shown, and (ReportTrend) the span before each to compare with; none over 31 days.
    expect(spans).toEqual(
      expect.arrayContaining([
        ["2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"],
        ["2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"],
      ]),
    );
    expect(spans.every(([start, end]) => Date.parse(end!) - Date.parse(start!) <= 31 * 86_400_000)).toBe(true);
  });

  it("says when a period has no spend", async () => {
    const { user } = renderApp(PATH, { now });
    await screen.findByRole("table", { name: "By user" });
    await user.clear(screen.getByLabelText("From"));
    await user.type(screen.getByLabelText("From"), "2026-09-20");
    await user.clear(screen.getByLabelText("To"));
    await user.type(screen.getByLabelText("To"), "2026-09-30");
    await user.click(screen.getByRole("button", { name: "Show" }));
    expect(await screen.findByText("No AI spend in this period.")).toBeInTheDocument();
  });

  it("tells a member without admin rights that the report is for admins", async () => {
    mockSignIn("member");
    renderApp(PATH, { now });
    expect(
      await screen.findByText("Only the organization's admins and auditors can see its spend report."),
    ).toBeInTheDocument();
  });

  it("says what failed, and retries", async () => {
    server.use(
      http.get(
        "*/api/v2/organizations/:organization/ai/spend/export",
        () => HttpResponse.json({ message: "Database unavailable." }, { status: 500 }),
        { once: true },
      ),
    );
    const { user } = renderApp(PATH, { now });
    expect(await screen.findByText("Could not load the spend export.")).toBeInTheDocument();
    expect(screen.getByText("Database unavailable.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("$17.00 in total"));
  });
});
