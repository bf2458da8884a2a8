// The spend report in Chromium against the embedded backend's CSV export and
// its seeded month: an admin sees who spent what on which model, filters,
// sorts and downloads it; a member is told it is for admins.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { SEED_SPEND } from "../../server/seedUsage";
import { formatMicrosAsUSD } from "../../core/currency";
import { openSignedIn, seriousA11yViolations } from "./browser";
import { serverAndBrowser } from "./setup";

const running = serverAndBrowser();

// The coder organization's seeded spend (frank's is in research).
const coderTotal = SEED_SPEND.filter((s) => s.username !== "frank").reduce(
  (sum, s) => sum + BigInt(Math.round(s.usd * 100)) * 10_000n,
  0n,
);

it("shows an admin this month's spend by user, group, model and provider, and downloads what is shown", async () => {
  const { page } = await openSignedIn(running.browser, running.server.url, "/organizations/coder/ai-spend", "admin");
  await page.getByRole("table", { name: "By user" }).waitFor();
  expect(await page.getByRole("status").textContent()).toContain(`${formatMicrosAsUSD(coderTotal)} in total`);
  const carol = page
    .getByRole("table", { name: "By user" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "carol" }) });
  expect(await carol.getByRole("cell").last().textContent()).toBe("$1,050.00");
  expect(await page.getByRole("list", { name: "Spend by model" }).getByRole("listitem").count()).toBeGreaterThan(1);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByLabel("Provider", { exact: true }).selectOption("anthropic");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ai-spend-export-coder-\d{4}-\d\d-01-to-\d{4}-\d\d-01\.csv$/);
  const lines = readFileSync((await file.path())!, "utf8")
    .trimEnd()
    .split("\n");
  expect(lines[0]!.startsWith("user_id,username,group_id,")).toBe(true);
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line.split(",")[8]).toBe("anthropic");
});

it("tells a member the report is for the organization's admins", async () => {
  const { page } = await openSignedIn(running.browser, running.server.url, "/organizations/coder/ai-spend", "member");
  await page.getByText("Only the organization's admins and auditors can see its spend report.").waitFor();
});
