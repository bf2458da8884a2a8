// The spend report over more than 31 days, against the MSW handlers' export
// (which, as Coder's, answers at most 31 days a request): asked in parts, with
// progress, Cancel and Retry, and shown and downloaded as one report.
import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MockGroup } from "../../testHelpers/entities";
import { mockBackend, mockRecordUsage } from "../../testHelpers/handlers";
import { renderApp } from "../../testHelpers/renderApp";
import { server } from "../../testHelpers/server";

const PATH = "/organizations/coder/ai-spend";
const now = "2026-11-16T05:24:00.000Z";
const EXPORT = "*/api/v2/organizations/:organization/ai/spend/export";
// September 20 to November 16: 58 days, asked as 31 and 27.
const FIRST = "2026-09-20T00:00:00Z";
const SECOND = "2026-10-21T00:00:00Z";
const usage = (model: string, usd: number) => ({
  model,
  provider: "openai",
  provider_name: "openai",
  input_tokens: 1_000,
  output_tokens: 100,
  cache_read_tokens: 0,
  cache_write_tokens: 0,
  cost_micros: usd * 1_000_000,
});

let asked: { start: string; end: string }[];
beforeEach(() => {
  mockBackend.version = "v2.36.1";
  // bob's gpt-5 spend falls in both parts: one row once merged.
  mockRecordUsage("bob", MockGroup.id, usage("gpt-5", 10), new Date("2026-10-05T10:00:00Z"));
  mockRecordUsage("bob", MockGroup.id, usage("gpt-5", 2.5), new Date("2026-11-10T10:00:00Z"));
  mockRecordUsage("carol", MockGroup.id, usage("gpt-5-mini", 1.25), new Date("2026-09-25T10:00:00Z"));
  asked = [];
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    if (!url.pathname.endsWith("/ai/spend/export")) return;
    asked.push({ start: url.searchParams.get("period_start")!, end: url.searchParams.get("period_end")! });
  });
});
afterEach(() => {
  server.events.removeAllListeners();
  vi.restoreAllMocks();
});

/** Holds the second part's request until `release` is called; the default handler answers it then. */
function holdSecondPart() {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.use(
    http.get(EXPORT, async ({ request }) => {
      if (new URL(request.url).searchParams.get("period_start") === SECOND) await released;
      // Nothing returned: the default handler answers.
    }),
  );
  return () => release();
}

async function pickPeriod(user: ReturnType<typeof renderApp>["user"], from: string, to: string) {
  await screen.findByLabelText("From");
  await user.clear(screen.getByLabelText("From"));
  await user.type(screen.getByLabelText("From"), from);
  await user.clear(screen.getByLabelText("To"));
  await user.type(screen.getByLabelText("To"), to);
  await user.click(screen.getByRole("button", { name: "Show" }));
}

const partsAsked = () => asked.filter((span) => span.start === FIRST || span.start === SECOND);

describe("a report over more than 31 days", () => {
  it("is asked in parts of at most 31 days, shows their progress, and merges them into one report", async () => {
    const release = holdSecondPart();
    const { user } = renderApp(PATH, { now });
    await pickPeriod(user, "2026-09-20", "2026-11-16");
    const progress = await screen.findByRole("progressbar", { name: "Loading the spend export" });
    await waitFor(() => expect(progress).toHaveAttribute("aria-valuetext", "1 of 2 parts"));
    expect(screen.getByText(/^Loading the spend export: 1 of 2 parts/)).toBeVisible();
    release();
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("$13.75 in total"));
    expect(screen.queryByRole("progressbar", { name: "Loading the spend export" })).not.toBeInTheDocument();
    expect(partsAsked()).toEqual([
      { start: FIRST, end: SECOND },
      { start: SECOND, end: "2026-11-17T00:00:00Z" },
    ]);
    const byUser = within(screen.getByRole("table", { name: "By user" }));
    expect(byUser.getAllByRole("row", { name: /^bob / })).toHaveLength(1);
    expect(byUser.getByRole("row", { name: /^bob 2,000 200 0 0 \$12\.50$/ })).toBeInTheDocument();
    expect(
      within(screen.getByRole("table", { name: "By model" })).getByRole("row", { name: /^gpt-5 .* \$12\.50$/ }),
    ).toBeInTheDocument();
  });

  it("says which part failed, keeps the parts that arrived, and retries only the failed one", async () => {
    let failures = 1;
    server.use(
      http.get(EXPORT, ({ request }) => {
        if (new URL(request.url).searchParams.get("period_start") !== SECOND || failures-- <= 0) return;
        return HttpResponse.json({ message: "Database unavailable." }, { status: 500 });
      }),
    );
    const { user } = renderApp(PATH, { now });
    await pickPeriod(user, "2026-09-20", "2026-11-16");
    const title = await screen.findByText("Could not load 1 of 2 parts of the spend export.");
    const alert = title.closest<HTMLElement>('[role="alert"]')!;
    expect(alert).toHaveTextContent("October 21 – November 16: Database unavailable.");
    expect(alert).toHaveTextContent("The 1 part that arrived is kept: Retry asks only for the rest.");
    expect(partsAsked()).toHaveLength(2);
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("$13.75 in total"));
    expect(partsAsked().map((span) => span.start)).toEqual([FIRST, SECOND, SECOND]);
  });

  it("stops on Cancel, keeps what arrived, and continues with the rest", async () => {
    const release = holdSecondPart();
    const { user } = renderApp(PATH, { now });
    await pickPeriod(user, "2026-09-20", "2026-11-16");
    const progress = await screen.findByRole("progressbar", { name: "Loading the spend export" });
    await waitFor(() => expect(progress).toHaveAttribute("aria-valuetext", "1 of 2 parts"));
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Loading stopped.")).toBeVisible();
    expect(screen.getByRole("button", { name: "Continue loading" })).toHaveFocus();
    expect(screen.getByText("1 of 2 parts arrived and is kept. The report shows once every part is in.")).toBeVisible();
    release();
    await user.click(screen.getByRole("button", { name: "Continue loading" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("$13.75 in total"));
    expect(partsAsked().map((span) => span.start)).toEqual([FIRST, SECOND, SECOND]);
  });

  it("downloads the whole period as one CSV: the merged rows, Coder's columns, the whole period in each row", async () => {
    const created = vi.fn((_blob: Blob) => "blob:report");
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const { user } = renderApp(PATH, { now });
    await pickPeriod(user, "2026-09-20", "2026-11-16");
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("$13.75 in total"));
    await user.click(screen.getByRole("button", { name: "Download CSV" }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe(
      "ai-spend-export-coder-2026-09-20-to-2026-11-17.csv",
    );
    const lines = (await created.mock.calls[0]![0].text()).trimEnd().split("\n");
    expect(lines[0]).toBe(
      "user_id,username,group_id,group_name,organization_id,organization_name,model,provider,provider_name,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,cost_micros,period_start,period_end",
    );
    const cells = lines.slice(1).map((line) => line.split(","));
    expect(cells.map((c) => [c[1], c[6], c[9], c[13], c[14], c[15]])).toEqual(
      expect.arrayContaining([
        ["bob", "gpt-5", "2000", "12500000", FIRST, "2026-11-17T00:00:00Z"],
        ["carol", "gpt-5-mini", "1000", "1250000", FIRST, "2026-11-17T00:00:00Z"],
      ]),
    );
    expect(cells).toHaveLength(2);
  });

  it("takes By user from the merged CSV where the deployment pages it on the server (its report, too, allows 31 days)", async () => {
    mockBackend.version = "v2.40.0";
    const usersAsked: string[] = [];
    server.events.on("request:start", ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith("/ai/spend/users")) usersAsked.push(url.searchParams.get("period_start") ?? "");
    });
    const { user } = renderApp(PATH, { now });
    await pickPeriod(user, "2026-09-20", "2026-11-16");
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("$13.75 in total"));
    expect(
      within(screen.getByRole("table", { name: "By user" })).getByRole("row", { name: /^bob .* \$12\.50$/ }),
    ).toBeInTheDocument();
    expect(usersAsked).not.toContain(FIRST);
  });

  it("refuses a period that starts after today, and asks for nothing", async () => {
    const { user } = renderApp(PATH, { now });
    await screen.findByLabelText("From");
    const before = asked.length;
    await user.clear(screen.getByLabelText("From"));
    await user.type(screen.getByLabelText("From"), "2026-11-20");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "The period must start today or earlier: later days have no spend yet.",
    );
    expect(screen.getByLabelText("From")).toHaveAttribute("aria-invalid", "true");
    await user.click(screen.getByRole("button", { name: "Show" }));
    expect(asked.slice(before).filter((span) => span.start === "2026-11-20T00:00:00Z")).toEqual([]);
  });
});
