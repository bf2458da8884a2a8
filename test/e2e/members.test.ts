// The members tab in Chromium against the embedded backend: Coder's server-side
// paging and search over the demo's 61 members, Add users with what joining
// does to each budget, Remove with what leaving does, compact rows at 1440 px
// and nothing sideways at 360 px.
import { expect, it } from "vitest";
import { openSignedIn, seriousA11yViolations } from "./browser";
import { serverAndBrowser } from "./setup";

const running = serverAndBrowser();

it("pages and searches the Everyone group's members on the server, the URL carrying both", async () => {
  const { page, requests } = await openSignedIn(
    running.browser,
    running.server.url,
    "/organizations/coder/groups/Everyone",
    "admin",
  );
  await page.getByText("Showing 1–25 of 61 members").waitFor();
  expect(await page.getByRole("button", { name: "Add users" }).count()).toBe(0);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByText("Showing 26–50 of 61 members").waitFor();
  expect(new URL(page.url()).searchParams.get("page")).toBe("2");
  await page.getByRole("searchbox", { name: "Search members" }).fill("okafor");
  await page.getByText("Showing 1–23 of 23 members").waitFor();
  expect(new URL(page.url()).searchParams.get("search")).toBe("okafor");
  expect(new URL(page.url()).searchParams.get("page")).toBeNull();
  // Spend only for the rows shown (and the page ahead): never one request for all 61.
  const spendIds = requests.filter((r) => r.path.endsWith("/members/ai/spend")).length;
  expect(spendIds).toBeGreaterThan(0);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.setViewportSize({ width: 1440, height: 900 });
  const heights = await page
    .getByRole("row")
    .evaluateAll((rows) => rows.slice(1).map((row) => row.getBoundingClientRect().height));
  expect(heights.length).toBe(23);
  expect(Math.max(...heights)).toBeLessThanOrEqual(88);
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

it("adds two users after saying what joining does to each one's budget, then removes one after saying what leaving does", async () => {
  const { page, writes } = await openSignedIn(
    running.browser,
    running.server.url,
    "/organizations/coder/groups/developers",
    "orgadmin",
  );
  await page.getByRole("button", { name: "Add users" }).click();
  const dialog = page.getByRole("dialog", { name: "Add users" });
  await dialog.getByRole("searchbox", { name: "Search users" }).fill("grace");
  await dialog.getByRole("checkbox", { name: /^grace / }).check();
  await dialog.getByRole("searchbox", { name: "Search users" }).fill("amir-lopez");
  await dialog.getByRole("checkbox", { name: /^amir-lopez / }).check();
  await dialog.getByText("grace: Unlimited → $1,000.00 (this group)").waitFor();
  await dialog.getByText("amir-lopez: Unlimited → $1,000.00 (this group)").waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Add 2 users" }).click();
  await page.getByText("Added grace, amir-lopez to developers.").waitFor();
  await page.getByText("Showing 1–9 of 9 members").waitFor();

  await page.getByRole("button", { name: "Actions for grace" }).click();
  await page.getByRole("menuitem", { name: "Remove" }).click();
  const question = page.getByRole("alertdialog", { name: "Remove grace from developers?" });
  await question.getByText(/This group's \$1,000\.00 budget governs them now\./).waitFor();
  await question.getByRole("button", { name: "Remove" }).click();
  await page.getByText("Removed grace from developers.").waitFor();
  await page.getByText("Showing 1–8 of 8 members").waitFor();
  expect(writes().map((w) => w.body)).toEqual([
    { add_users: [expect.any(String), expect.any(String)], remove_users: [] },
    { add_users: [], remove_users: [expect.any(String)] },
  ]);
});

it("keeps Manage AI budget off where a group of another organization governs, and says why", async () => {
  const { page } = await openSignedIn(
    running.browser,
    running.server.url,
    "/organizations/coder/groups/developers",
    "admin",
  );
  await page.getByRole("button", { name: "Actions for frank" }).click();
  const item = page.getByRole("menuitem", { name: /Manage AI budget/ });
  expect(await item.getAttribute("aria-disabled")).toBe("true");
  await page.getByText("A group of another organization governs this budget").waitFor();
});
