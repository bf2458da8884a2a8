// Request waves per navigation, against the real server with 100 ms added to
// every API answer: the design's limits, asserted (times are the bench's job).
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signedInContext } from "./browser";
import { serverAndBrowser } from "./setup";
import { countWaves, requestedBeforeDataLayer, watchApi } from "./waves";

const BUDGET_LABEL = "Monthly budget per member (USD)";
const running = serverAndBrowser({ env: { API_LATENCY_MS: "100" } });

async function signedInPage(): Promise<{ page: Page; context: BrowserContext; api: ReturnType<typeof watchApi> }> {
  const context = await signedInContext(running.browser, running.server.url, "admin");
  const page = await context.newPage();
  return { page, context, api: watchApi(page) };
}

describe("request waves", () => {
  it("countWaves counts chains, not requests", () => {
    expect(countWaves([])).toBe(0);
    expect(
      countWaves([
        { method: "GET", path: "a", start: 0, end: 100 },
        { method: "GET", path: "b", start: 1, end: 101 },
      ]),
    ).toBe(1);
    expect(
      countWaves([
        { method: "GET", path: "a", start: 0, end: 100 },
        { method: "GET", path: "b", start: 105, end: 205 },
      ]),
    ).toBe(2);
  });

  it("loads the settings page directly in 2 waves: the group, then its budget", async () => {
    // Three times: the second wave must leave together however busy the page is.
    for (let run = 0; run < 3; run++) {
      const { page, context, api } = await signedInPage();
      await page.goto("/organizations/coder/groups/developers/settings");
      await page.getByLabel(BUDGET_LABEL).waitFor();
      await api.settle();
      expect(countWaves(api.log)).toBe(2);
      // The first wave leaves before the API client loads; the client takes its
      // answers rather than asking again.
      const paths = api.log.map((r) => r.path.replace(/[0-9a-f-]{36}/, "{id}"));
      expect(paths.sort()).toEqual([
        "/api/v2/authcheck",
        "/api/v2/buildinfo",
        "/api/v2/entitlements",
        "/api/v2/groups/{id}/ai/budget",
        "/api/v2/groups/{id}/ai/spend",
        "/api/v2/groups/{id}/members/ai/spend",
        "/api/v2/organizations",
        "/api/v2/organizations/coder/groups/developers",
        "/api/v2/users/me",
      ]);
      // Those that need only the URL left before the data layer even ran.
      expect(await requestedBeforeDataLayer(page)).toEqual([
        "/api/v2/buildinfo",
        "/api/v2/entitlements",
        "/api/v2/organizations",
        "/api/v2/organizations/coder/groups/developers",
        "/api/v2/users/me",
      ]);
      await context.close();
    }
  });

  it("arrives from the groups list in 1 wave, since the list already has the group", async () => {
    const { page, context, api } = await signedInPage();
    await page.goto("/organizations/coder/groups");
    const link = page.getByRole("link", { name: "Settings of Developers" });
    await link.waitFor();
    await api.settle();
    expect(await requestedBeforeDataLayer(page)).toEqual([
      "/api/v2/buildinfo",
      "/api/v2/entitlements",
      "/api/v2/organizations",
      "/api/v2/organizations/coder/groups",
      "/api/v2/users/me",
    ]);
    api.reset();
    // A click with no hover first: only the navigation's own prefetch runs.
    await link.evaluate((element: HTMLElement) => element.click());
    await page.getByLabel(BUDGET_LABEL).waitFor();
    await api.settle();
    expect(countWaves(api.log)).toBe(1);
    expect(api.log.map((r) => r.path).sort()).toEqual([
      "/api/v2/authcheck",
      "/api/v2/groups/0a7c5d5e-0000-4000-9000-000000000001/ai/budget",
      "/api/v2/groups/0a7c5d5e-0000-4000-9000-000000000001/ai/spend",
      "/api/v2/groups/0a7c5d5e-0000-4000-9000-000000000001/members/ai/spend",
    ]);
    await context.close();
  });

  it("needs no wave after the Settings tab was hovered", async () => {
    const { page, context, api } = await signedInPage();
    await page.goto("/organizations/coder/groups/developers");
    const tab = page.getByRole("link", { name: "Settings" });
    await tab.waitFor();
    await api.settle();
    await tab.hover();
    await api.settle();
    api.reset();
    await tab.click();
    await page.getByLabel(BUDGET_LABEL).waitFor();
    await api.settle();
    expect(api.log).toEqual([]);
    await context.close();
  });

  it("saves in 1 wave and shows the saved values; nothing is read after it", async () => {
    const { page, context, api } = await signedInPage();
    await page.goto("/organizations/coder/groups/data-science/settings");
    await page.getByLabel(BUDGET_LABEL).waitFor();
    await page.getByLabel("Display name").fill("Data Science Team");
    await page.getByLabel(BUDGET_LABEL).fill("40");
    await api.settle();
    api.reset();
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(`${running.server.url}/organizations/coder/groups/data-science`);
    await page.getByRole("heading", { name: "Data Science Team" }).waitFor();
    // The members' limits were worked out from what the settings page had read.
    await page.getByRole("progressbar", { name: "AI spend of grace" }).waitFor();
    await expectText(page, "grace", "Group limit $40.00");
    await api.settle(500);
    expect(api.log.map((r) => r.method).sort()).toEqual(["PATCH", "PUT"]);
    expect(countWaves(api.log)).toBe(1);
    await context.close();
  });

  it("after lowering the budget that governs members, reads again only those members", async () => {
    const { page, context, api } = await signedInPage();
    await page.goto("/organizations/coder/groups/developers/settings");
    await page.getByLabel(BUDGET_LABEL).waitFor();
    await api.settle();
    await page.getByLabel(BUDGET_LABEL).fill("500");
    api.reset();
    await page.getByRole("button", { name: "Save" }).click();
    // $500 blocks bob at once: the question asks first and sends nothing; confirming sends the save.
    await page
      .getByRole("alertdialog", { name: "Block 1 member now?" })
      .getByRole("button", { name: "Save and block 1 member" })
      .click();
    await page.waitForURL(`${running.server.url}/organizations/coder/groups/developers`);
    await expectText(page, "bob", "Group limit $500.00");
    await api.settle(500);
    const writes = api.log.filter((r) => r.method !== "GET");
    expect(writes.map((r) => r.method)).toEqual(["PUT"]);
    const reads = api.log.filter((r) => r.method === "GET");
    // The blocked member's row, and the header's total, which the server works out once a row was not known here.
    expect(reads.map((r) => r.path.replace(/[0-9a-f-]{36}/, "{id}")).sort()).toEqual([
      "/api/v2/groups/{id}/ai/spend",
      "/api/v2/groups/{id}/members/ai/spend",
    ]);
    await context.close();
  });
});

/** Waits for `text` in the members-table row of `username`. */
async function expectText(page: Page, username: string, text: string): Promise<void> {
  const row = page.getByRole("row").filter({ has: page.getByText(username, { exact: true }) });
  await row.getByText(text).waitFor();
}
