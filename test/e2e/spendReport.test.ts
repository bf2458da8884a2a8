// The spend report in Chromium against the embedded backend's CSV export and
// its seeded month: an admin sees who spent what on which model, filters,
// sorts and downloads it; a member is told it is for admins.
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureBuild } from "../../server/build";
import { SEED_SPEND } from "../../server/seedData";
import { formatMicrosAsUSD } from "../../src/utils/currency";
import { startServerProcess, type ServerProcess } from "../serverProcess";
import { launchChromium, openPage, seriousA11yViolations, signInThroughForm } from "./browser";

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  ensureBuild();
  [server, browser] = await Promise.all([startServerProcess(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// The coder organization's seeded spend (frank's is in research).
const coderTotal = SEED_SPEND.filter((s) => s.username !== "frank").reduce((sum, s) => sum + BigInt(Math.round(s.usd * 100)) * 10_000n, 0n);

it("shows an admin this month's spend by user, group, model and provider, and downloads what is shown", async () => {
  const { page, context } = await openPage(browser, server.url);
  try {
    await page.goto("/organizations/coder/ai-spend");
    await signInThroughForm(page, "admin");
    await page.getByRole("table", { name: "By user" }).waitFor();
    expect(await page.getByRole("status").textContent()).toContain(`${formatMicrosAsUSD(coderTotal)} in total`);
    const carol = page.getByRole("table", { name: "By user" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: "carol" }) });
    expect(await carol.getByRole("cell").last().textContent()).toBe("$1,050.00");
    expect(await page.getByRole("list", { name: "Spend by model" }).getByRole("listitem").count()).toBeGreaterThan(1);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel("Provider", { exact: true }).selectOption("anthropic");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^ai-spend-export-coder-\d{4}-\d\d-01-to-\d{4}-\d\d-01\.csv$/);
    const lines = readFileSync((await file.path())!, "utf8").trimEnd().split("\n");
    expect(lines[0]!.startsWith("user_id,username,group_id,")).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line.split(",")[8]).toBe("anthropic");
  } finally {
    await context.close();
  }
});

it("tells a member the report is for the organization's admins", async () => {
  const { page, context } = await openPage(browser, server.url);
  try {
    await page.goto("/organizations/coder/ai-spend");
    await signInThroughForm(page, "member");
    await page.getByText("Only the organization's admins can see its spend report.").waitFor();
  } finally {
    await context.close();
  }
});
