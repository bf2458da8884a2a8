// The seeded spend as the admin sees it in Chromium, against the real server,
// and `npm run usage` pushing a member over a new budget.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { openSignedIn, seriousA11yViolations } from "./browser";
import { serverAndBrowser } from "./setup";

const ROOT = path.resolve(import.meta.dirname, "../..");
const running = serverAndBrowser();

it("shows this month's spend on the groups list and the members tab, and previews a lower budget", async () => {
  const { page } = await openSignedIn(running.browser, running.server.url, "/organizations/coder/groups", "admin");
  const developers = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Developers", exact: true }) });
  // frank is governed by gpu-lab in the research organization: developers' limit counts six members.
  await developers.getByText("$2,377.49 / $6,000.00").waitFor();
  const contractors = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "Contractors", exact: true }) });
  expect(await contractors.getByText("Over the limit").count()).toBe(1);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Developers", exact: true }).click();
  const bob = page.getByRole("progressbar", { name: "AI spend of bob" });
  await bob.waitFor();
  expect(await bob.getAttribute("aria-valuetext")).toBe("$870.00 of $1,000.00 (87%), near the limit");
  expect(await page.getByRole("row").filter({ hasText: "carol" }).getByText("Over the limit").count()).toBe(1);
  expect(await page.getByText(/^AI budget period: /).count()).toBe(1);
  const frank = page.getByRole("row").filter({ hasText: "frank@example.com" });
  expect(await frank.getByText("Managed by a group in another organization, which is not shown here.").count()).toBe(1);
  expect(await frank.getByRole("progressbar").count()).toBe(0);
  expect(await seriousA11yViolations(page)).toEqual([]);

  const usage = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/usage.ts", "--url", running.server.url, "--user", "erin", "--usd", "150"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  expect(usage.stdout).toContain("Recorded $150.00 for erin; spent this month: $150.00.");

  // A fresh load: the members tab's spend, cached for 30 s, predates the usage.
  await page.goto("/organizations/coder/groups/developers/settings");
  const input = page.getByLabel("Monthly budget per member (USD)");
  await input.fill("100");
  await page
    // carol is over the saved $1,000 already: the preview counts only whom the change blocks.
    .getByText("4 of 6 members have already spent $100.00 or more this month and will be blocked until", {
      exact: false,
    })
    .waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

it("sets a per-member override from the members tab, and the member's cell changes", async () => {
  const { page } = await openSignedIn(
    running.browser,
    running.server.url,
    "/organizations/coder/groups/developers",
    "admin",
  );
  await page.getByRole("button", { name: "Actions for alice" }).click();
  await page.getByRole("menuitem", { name: "Manage AI budget" }).click();
  const dialog = page.getByRole("dialog", { name: "AI budget of Alice" });
  await dialog.getByRole("checkbox", { name: "Override group budget" }).check();
  await dialog.getByLabel("Custom monthly budget").fill("9000");
  expect(await seriousA11yViolations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.waitFor({ state: "hidden" });
  const alice = page.getByRole("row").filter({ hasText: "alice@example.com" });
  await alice.getByText("Custom limit $9,000.00").waitFor();
  expect(await alice.getByRole("progressbar").getAttribute("aria-valuetext")).toBe("$312.50 of $9,000.00 (3%)");
});

it("lets a User Admin set an override, shows it read-only to an organization admin, and offers nothing to a member", async () => {
  const { page } = await openSignedIn(
    running.browser,
    running.server.url,
    "/organizations/coder/groups/developers",
    "useradmin",
  );
  await page.getByRole("button", { name: "Actions for dave" }).click();
  await page.getByRole("menuitem", { name: "Manage AI budget" }).click();
  const dialog = page.getByRole("dialog", { name: "AI budget of Dave" });
  await dialog.getByRole("checkbox", { name: "Override group budget" }).check();
  await dialog.getByLabel("Custom monthly budget").fill("40");
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.waitFor({ state: "hidden" });
  await page.getByRole("row").filter({ hasText: "dave@example.com" }).getByText("Custom limit $40.00").waitFor();
  for (const [username, manage] of [
    ["orgadmin", true],
    ["member", false],
  ] as const) {
    const { page } = await openSignedIn(
      running.browser,
      running.server.url,
      "/organizations/coder/groups/developers",
      username,
    );
    await page.getByRole("progressbar").first().waitFor();
    // The row actions load on their own once the permission check answers.
    if (manage)
      await page
        .getByRole("button", { name: /^Actions for / })
        .first()
        .waitFor();
    expect((await page.getByRole("button", { name: /^Actions for / }).count()) > 0, username).toBe(manage);
    if (manage) {
      await page.getByRole("button", { name: "Actions for dave" }).click();
      await page.getByRole("menuitem", { name: "Manage AI budget" }).click();
      const dialog = page.getByRole("dialog", { name: "AI budget of Dave" });
      await dialog.getByText("Only an Owner or a User Admin can change a member's AI budget.").waitFor();
      expect(await dialog.getByRole("checkbox", { name: "Override group budget" }).isChecked()).toBe(true);
      expect(await dialog.getByRole("button", { name: "Save" }).count()).toBe(0);
    } else {
      // A member sees their own row only (the header's meter is the group's, not a member's).
      expect(await page.getByRole("table").getByRole("progressbar").count()).toBe(1);
    }
  }
});
