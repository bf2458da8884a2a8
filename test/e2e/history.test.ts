// History and trends in Chromium against the embedded backend: a group's
// History tab after two budget changes and an override set and removed, and
// spend by day on the group, the report and My AI spend over the demo's
// three previous months of usage.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { SEED_GROUPS, SEED_USERS } from "../../server/seedData";
import { openSignedIn, seriousA11yViolations } from "./browser";
import { serverAndBrowser } from "./setup";

const running = serverAndBrowser();
const developers = SEED_GROUPS.find((g) => g.name === "developers")!.id;
const alice = SEED_USERS.find((u) => u.username === "alice")!.id;

/** A write from the page itself, as the app sends it (same origin, the session cookie). */
const send = (page: Page, method: string, path: string, body?: unknown) =>
  page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(`/api/v2${path}`, {
        method,
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return response.status;
    },
    { method, path, body },
  );

it("shows every change of the group's budget and of an override charged to it, with who and how much", async () => {
  const { page } = await openSignedIn(running.browser, running.server.url, "/organizations/coder/groups", "admin");
  await page.getByRole("heading", { name: "Groups" }).waitFor();
  expect(await send(page, "PUT", `/groups/${developers}/ai/budget`, { spend_limit_micros: 1_234_000_000 })).toBe(200);
  expect(await send(page, "PUT", `/groups/${developers}/ai/budget`, { spend_limit_micros: 1_500_000_000 })).toBe(200);
  expect(
    await send(page, "PUT", `/users/${alice}/ai/budget/override`, {
      group_id: developers,
      spend_limit_micros: 9_000_000_000,
    }),
  ).toBe(200);
  expect(await send(page, "DELETE", `/users/${alice}/ai/budget/override`)).toBe(204);

  await page.goto("/organizations/coder/groups/developers");
  await page.getByRole("link", { name: "History" }).click();
  const changes = page.getByRole("table", { name: "Changes, newest first" });
  await changes.waitFor();
  const rows = await changes.getByRole("row").allInnerTexts();
  expect(rows.slice(1, 5).map((row) => row.split("\t").slice(1).join(" | ").replace(/\s+/g, " "))).toEqual([
    "admin | Override for alice removed (was $9,000.00)",
    "admin | Override for alice set $9,000.00",
    "admin | Budget per member $1,234.00 → $1,500.00",
    "admin | Budget per member $1,000.00 → $1,234.00",
  ]);
  // The group's spend by day this month, as a chart and a table, against the same days of last month.
  await page.getByRole("img", { name: /spent through .*against a limit of/ }).waitFor();
  await page.getByText("Spend by day as a table").click();
  expect(await page.getByRole("table", { name: "Spend by day, by day" }).getByRole("row").count()).toBeGreaterThan(1);
  await page.getByText(/^\$[\d,.]+ \([+−]?\$[\d,.]+(, [+−]?[\d.]+%)?\)$/).waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

it("compares the report with the span before it, and draws its spend by day on request", async () => {
  const { page } = await openSignedIn(running.browser, running.server.url, "/organizations/coder/ai-spend", "admin");
  await page.getByRole("heading", { name: "AI spend report" }).waitFor();
  await page.getByText("Total this period").waitFor();
  // The demo's previous months have usage: the span before is not nothing.
  const comparison = page.getByRole("region", { name: "Against the previous period" }).locator("dl");
  await expect
    .poll(() => comparison.textContent(), { timeout: 15_000 })
    .toMatch(/(previous month|days? before)\$[1-9][\d,]*\.\d\d \(/);
  // The month by day: at most 4 export requests in flight, and no main-thread task over 200 ms.
  let inFlight = 0;
  let most = 0;
  const isExport = (url: string) => url.includes("/ai/spend/export");
  page.on("request", (request) => {
    if (isExport(request.url())) most = Math.max(most, ++inFlight);
  });
  const finished = (request: { url(): string }) => {
    if (isExport(request.url())) inFlight--;
  };
  page.on("requestfinished", finished);
  page.on("requestfailed", finished);
  await page.evaluate(() => {
    const longest = { ms: 0 };
    (window as unknown as { longestTask: typeof longest }).longestTask = longest;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest.ms = Math.max(longest.ms, entry.duration);
    }).observe({ type: "longtask" });
  });
  await page.getByRole("button", { name: "Show spend by day" }).click();
  await page.getByRole("img", { name: /spent through/ }).waitFor();
  expect(most).toBeLessThanOrEqual(4);
  expect(await page.evaluate(() => (window as unknown as { longestTask: { ms: number } }).longestTask.ms)).toBeLessThan(
    200,
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
});

it("shows an admin their own spend by day on My AI spend, and a member a note instead", async () => {
  const admin = await openSignedIn(running.browser, running.server.url, "/ai-spend", "orgadmin");
  await admin.page.getByRole("heading", { name: "My AI spend" }).waitFor();
  await admin.page.getByRole("heading", { name: "Your spend by day in coder" }).waitFor();
  await admin.page.getByRole("img", { name: /spent through/ }).waitFor();
  const member = await openSignedIn(running.browser, running.server.url, "/ai-spend", "member");
  await member.page.getByText("Spend by day needs the organization's spend export.").waitFor();
  expect(await seriousA11yViolations(member.page)).toEqual([]);
});
