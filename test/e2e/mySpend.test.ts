// My AI spend in Chromium against the embedded backend: a member without
// admin rights lands on their own spend, and the account menu shows it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { signIn } from "../serverProcess";
import { openSignedIn, seriousA11yViolations } from "./browser";
import { serverAndBrowser } from "./setup";

const ROOT = path.resolve(import.meta.dirname, "../..");
const running = serverAndBrowser();

it("takes a member to their own spend: the budget, where it comes from, when it resets", async () => {
  const { page } = await openSignedIn(running.browser, running.server.url, "/", "member");
  await page.getByRole("heading", { name: "My AI spend" }).waitFor();
  expect(new URL(page.url()).pathname).toBe("/ai-spend");
  await page.getByText("The budget of Developers, the highest of your groups.").waitFor();
  expect(await page.getByRole("progressbar", { name: "My AI spend this month" }).getAttribute("aria-valuetext")).toBe(
    "$120.00 of $1,000.00 (12%)",
  );
  expect(await page.getByText(/^Budget period .* \(UTC\)$/).count()).toBe(1);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "member" }).click();
  await page.getByRole("link", { name: "My AI spend: $120.00 / $1,000.00 USD" }).waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

it("takes an admin to the groups, with their own spend a click away", async () => {
  const { page } = await openSignedIn(running.browser, running.server.url, "/", "admin");
  await page.getByRole("heading", { name: "Groups" }).waitFor();
  await page.getByRole("button", { name: "admin" }).click();
  await page.getByRole("link", { name: /^My AI spend: \$[\d,.]+ \/ (\$[\d,.]+|Unlimited) USD$/ }).click();
  await page.getByRole("heading", { name: "My AI spend" }).waitFor();
});

it("records usage with a model, provider and tokens through npm run usage, and the CSV export reports it", async () => {
  const usage = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/usage.ts",
      "--url",
      running.server.url,
      "--user",
      "dave",
      "--usd",
      "3",
      "--model",
      "gpt-5",
      "--provider",
      "openai",
      "--provider-name",
      "azure-openai",
      "--tokens",
      "12000:800",
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  expect(usage.stdout).toContain("Recorded $3.00 for dave on gpt-5 (azure-openai); spent this month: $27.99.");
  const token = await signIn(running.server.url, "admin");
  const answer = await fetch(`${running.server.url}/api/v2/organizations/coder/ai/spend/export`, {
    headers: { "Coder-Session-Token": token },
  });
  expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  const lines = (await answer.text())
    .split("\n")
    .filter((line) => line.includes(",dave,") && line.includes(",gpt-5,openai,azure-openai,"));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/,12000,800,0,0,3000000,/);
});
