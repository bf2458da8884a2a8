// The server dies in the middle of a save and comes back: the page tells the
// admin, keeps what they typed, and a second Save lands; the database holds the
// old value or the new one, never anything else.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureBuild } from "../../server/build";
import { SEED_GROUPS } from "../../server/seed";
import { signIn, startServerProcess, type ServerProcess } from "../serverProcess";
import { allowFailedRequests, launchChromium, openSignedIn, screenshot } from "./browser";

const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
const BUDGET_LABEL = "Monthly budget per member (USD)";
let browser: Browser;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  ensureBuild();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.stop("SIGKILL")));
});

async function storedBudget(url: string): Promise<number> {
  const token = await signIn(url, "admin");
  const response = await fetch(`${url}/api/v2/groups/${developers.id}/ai/budget`, {
    headers: { "Coder-Session-Token": token },
  });
  return ((await response.json()) as { spend_limit_micros: number }).spend_limit_micros;
}

it("recovers from a server killed during a save", async () => {
  const first = await startServerProcess();
  servers.push(first);
  const port = new URL(first.url).port;
  const { page, context } = await openSignedIn(
    browser,
    first.url,
    "/organizations/coder/groups/developers/settings",
    "admin",
  );
  // The test kills the server under the save: that request, and the page's reads until it is back, reach nothing.
  allowFailedRequests(context, /^\/api\//, "unreachable");
  const input = page.getByLabel(BUDGET_LABEL);
  await input.fill("45");

  const admin = await signIn(first.url, "admin");
  await fetch(`${first.url}/api/v2/__test/faults`, {
    method: "POST",
    headers: { "Coder-Session-Token": admin, "Content-Type": "application/json" },
    body: JSON.stringify({ budgetWriteDelayMs: 10_000 }),
  });
  // $45 blocks members at once: once their spend is read, the save asks first, and is confirmed.
  await page.getByText(/will be blocked/).waitFor();
  const putSent = page.waitForRequest((r) => r.method() === "PUT" && r.url().endsWith("/ai/budget"));
  await page.getByRole("button", { name: "Save" }).click();
  await page
    .getByRole("alertdialog", { name: /^Block \d+ members? now\?$/ })
    .getByRole("button", { name: /^Save and block/ })
    .click();
  await putSent;
  await first.stop("SIGKILL");

  const banner = page.getByRole("form", { name: "Group settings" }).getByRole("alert");
  await banner.getByText("Failed to update the AI budget.").waitFor();
  expect(await banner.textContent()).toContain("The server could not be reached.");
  expect(await input.inputValue()).toBe("45");
  await screenshot(page, "server-killed");

  const second = await startServerProcess({ dataDir: first.dataDir, env: { PORT: port } });
  servers.push(second);
  expect([1_000_000_000, 45_000_000]).toContain(await storedBudget(second.url));

  await page.getByText(/will be blocked/).waitFor();
  await page.getByRole("button", { name: "Save" }).click();
  await page
    .getByRole("alertdialog", { name: /^Block \d+ members? now\?$/ })
    .getByRole("button", { name: /^Save and block/ })
    .click();
  await page.waitForURL(`${second.url}/organizations/coder/groups/developers`);
  expect(await storedBudget(second.url)).toBe(45_000_000);
});
