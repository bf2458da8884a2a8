// Whole flows in Debian's Chromium against the real embedded server (test
// build, fresh data directory): what an admin does, and what leaves the browser.
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { SEED_GROUPS } from "../../server/seed";
import { signIn, startServerProcess } from "../serverProcess";
import { allowFailedRequests, openPage, screenshot, seriousA11yViolations, signInThroughForm } from "./browser";
import { serverAndBrowser } from "./setup";

const BUDGET_LABEL = "Monthly budget per member (USD)";
const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
const dataScience = SEED_GROUPS.find((g) => g.name === "data-science")!;
const budgetApi = (id: string) => `/api/v2/groups/${id}/ai/budget`;

const running = serverAndBrowser();
let adminToken: string;
const pages: { context: { close(): Promise<void> } }[] = [];

beforeAll(async () => {
  adminToken = await signIn(running.server.url, "admin");
});
afterEach(async () => {
  await Promise.all(pages.splice(0).map((p) => p.context.close()));
  await api("POST", "/api/v2/__test/faults", {});
});

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${running.server.url}${path}`, {
    method,
    headers: { "Coder-Session-Token": adminToken, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function setBudget(groupId: string, micros: number | null) {
  await (micros === null
    ? api("DELETE", budgetApi(groupId))
    : api("PUT", budgetApi(groupId), { spend_limit_micros: micros }));
}

async function open(path: string, username = "admin", url = running.server.url) {
  const opened = await openPage(running.browser, url);
  pages.push(opened);
  await opened.page.goto(path);
  await signInThroughForm(opened.page, username);
  return opened;
}

async function description(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label);
  const id = await input.getAttribute("aria-describedby");
  return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? "") : "";
}

async function expectAccessible(page: Page) {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe("an admin sets the developers budget", () => {
  it("signs in, opens developers → Settings, and sees the saved budget and maximum", async () => {
    await setBudget(developers.id, 1_000_000_000);
    const opened = await openPage(running.browser, running.server.url);
    pages.push(opened);
    const { page } = opened;
    await page.goto("/");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await expectAccessible(page);
    await signInThroughForm(page, "admin");
    await page.getByRole("heading", { name: "Groups" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Developers", exact: true }).click();
    // The groups list has a table too: wait for the group's own page.
    await page.getByRole("heading", { name: "Developers", level: 1 }).waitFor();
    await page.getByRole("table").waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    const input = page.getByLabel(BUDGET_LABEL);
    await input.waitFor();
    expect(await input.inputValue()).toBe("1000");
    expect(await description(page, BUDGET_LABEL)).toBe("$7,000.00/month maximum, based on 7 members.");
    expect(page.url()).toBe(`${running.server.url}/organizations/coder/groups/developers/settings`);
    await screenshot(page, "with-budget");
    await expectAccessible(page);
  });

  it("types 25, sees $175.00, saves from the keyboard, and the API and a reload agree", async () => {
    await setBudget(developers.id, 1_000_000_000);
    const { page, writes } = await open("/organizations/coder/groups/developers/settings");
    const input = page.getByLabel(BUDGET_LABEL);
    await input.waitFor();
    // Reach the field with Tab, as a keyboard user would.
    for (let i = 0; i < 30 && !(await input.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("25");
    expect(await description(page, BUDGET_LABEL)).toBe("$175.00/month maximum, based on 7 members.");
    // With the members' spend read, $25 blocks members at once: the save asks first.
    await page.getByText(/will be blocked/).waitFor();
    await page.keyboard.press("Enter");
    const question = page.getByRole("alertdialog", { name: /^Block \d+ members? now\?$/ });
    await question.waitFor();
    // Go back is focused; Tab reaches the action, and Enter confirms.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${running.server.url}/organizations/coder/groups/developers`);
    await page.getByText("Saved the AI budget.").waitFor();
    expect(writes()).toEqual([
      { method: "PUT", path: budgetApi(developers.id), body: { spend_limit_micros: 25_000_000 } },
    ]);
    expect((await api("GET", budgetApi(developers.id))).body.spend_limit_micros).toBe(25_000_000);
    await page.goto("/organizations/coder/groups/developers/settings");
    await input.waitFor();
    expect(await input.inputValue()).toBe("25");
    await expectAccessible(page);
  });

  it("empties the field, sees the uncapped helper, saves, and the budget is gone", async () => {
    await setBudget(developers.id, 25_000_000);
    const { page, writes } = await open("/organizations/coder/groups/developers/settings");
    const input = page.getByLabel(BUDGET_LABEL);
    await input.fill("");
    expect(await description(page, BUDGET_LABEL)).toBe("Leave empty for uncapped spend.");
    await screenshot(page, "uncapped");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(`${running.server.url}/organizations/coder/groups/developers`);
    expect(writes()).toEqual([{ method: "DELETE", path: budgetApi(developers.id), body: undefined }]);
    expect((await api("GET", budgetApi(developers.id))).status).toBe(404);
  });

  it("types 0, saves, and the page says AI is disabled for the group's members", async () => {
    await setBudget(developers.id, null);
    const { page } = await open("/organizations/coder/groups/developers/settings");
    await page.getByLabel(BUDGET_LABEL).fill("0");
    await page.getByRole("button", { name: "Save" }).click();
    // AI off for the whole group is confirmed first, in a dialog that fits the window.
    const question = page.getByRole("alertdialog", { name: "Turn AI off for this group?" });
    await question.waitFor();
    await question.getByRole("button", { name: "Turn AI off" }).click();
    await page.waitForURL(`${running.server.url}/organizations/coder/groups/developers`);
    expect((await api("GET", budgetApi(developers.id))).body.spend_limit_micros).toBe(0);
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel(BUDGET_LABEL).waitFor();
    const text = await description(page, BUDGET_LABEL);
    expect(text).toContain("$0.00/month maximum, based on 7 members.");
    expect(text).toContain("AI access is disabled for this group's members");
    await screenshot(page, "disabled");
    await expectAccessible(page);
  });

  it.each(["-5", "abc", "1e3", "0.0000001", "1000000.01"])(
    "refuses %j with a message on the field, and nothing leaves the browser",
    async (typed) => {
      const { page, requests } = await open("/organizations/coder/groups/developers/settings");
      const input = page.getByLabel(BUDGET_LABEL);
      await input.fill(typed);
      expect(await input.getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByRole("alert").textContent()).toMatch(/^Enter /);
      expect(await description(page, BUDGET_LABEL)).toBe(await page.getByRole("alert").textContent());
      const before = requests.length;
      await page.getByRole("button", { name: "Save" }).click();
      await page.waitForTimeout(300);
      expect(requests.slice(before)).toEqual([]);
      expect(page.url()).toContain("/settings");
      if (typed === "1000000.01") {
        await screenshot(page, "invalid");
        await expectAccessible(page);
      }
    },
  );
});

describe("saving two resources at once", () => {
  it("renames the group and changes its budget in one save; both land", async () => {
    const { page, writes } = await open("/organizations/coder/groups/data-science/settings");
    await page.getByLabel("Name", { exact: true }).fill("ml");
    await page.getByLabel(BUDGET_LABEL).fill("50");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(`${running.server.url}/organizations/coder/groups/ml`);
    expect(
      writes()
        .map((w) => w.method)
        .sort(),
    ).toEqual(["PATCH", "PUT"]);
    expect((await api("GET", `/api/v2/groups/${dataScience.id}`)).body.name).toBe("ml");
    expect((await api("GET", budgetApi(dataScience.id))).body.spend_limit_micros).toBe(50_000_000);
    await api("PATCH", `/api/v2/groups/${dataScience.id}`, { name: "data-science" });
  });

  it("keeps the typed budget on the renamed group's URL when only the budget failed, and retries only it", async () => {
    await setBudget(developers.id, 1_000_000_000);
    await api("POST", "/api/v2/__test/faults", { budgetWrite: { status: 500, message: "Budget store unavailable." } });
    const { page, writes } = await open("/organizations/coder/groups/developers/settings");
    await page.getByLabel("Name", { exact: true }).fill("devs");
    await page.getByLabel(BUDGET_LABEL).fill("30");
    // $30 blocks members at once: once the spend is read, the save asks first, and is confirmed.
    await page.getByText(/will be blocked/).waitFor();
    await page.getByRole("button", { name: "Save" }).click();
    await page
      .getByRole("alertdialog", { name: /^Block \d+ members? now\?$/ })
      .getByRole("button", { name: /^Save and block/ })
      .click();
    const banner = page.getByRole("form", { name: "Group settings" }).getByRole("alert");
    await banner.getByText("Failed to update the AI budget.").waitFor();
    await banner.getByText(/The group settings were saved\. Budget store unavailable\./).waitFor();
    await page.waitForURL(`${running.server.url}/organizations/coder/groups/devs/settings`);
    expect(await page.getByLabel(BUDGET_LABEL).inputValue()).toBe("30");
    await screenshot(page, "partial-failure");
    await expectAccessible(page);

    await api("POST", "/api/v2/__test/faults", {});
    const sentBefore = writes().length;
    await page.getByText(/will be blocked/).waitFor();
    await page.getByRole("button", { name: "Save" }).click();
    await page
      .getByRole("alertdialog", { name: /^Block \d+ members? now\?$/ })
      .getByRole("button", { name: /^Save and block/ })
      .click();
    await page.waitForURL(`${running.server.url}/organizations/coder/groups/devs`);
    expect(writes().slice(sentBefore)).toEqual([
      { method: "PUT", path: budgetApi(developers.id), body: { spend_limit_micros: 30_000_000 } },
    ]);
    expect((await api("GET", budgetApi(developers.id))).body.spend_limit_micros).toBe(30_000_000);
    await api("PATCH", `/api/v2/groups/${developers.id}`, { name: "developers" });
  });
});

describe("who may change a budget", () => {
  it("shows a member the developers settings read-only, and a forged PUT answers 404", async () => {
    await setBudget(developers.id, 1_000_000_000);
    const { page } = await open("/organizations/coder/groups/developers/settings", "member");
    const input = page.getByLabel(BUDGET_LABEL);
    await input.waitFor();
    expect(await input.getAttribute("readonly")).not.toBeNull();
    expect(await page.getByRole("button", { name: "Save" }).count()).toBe(0);
    await expectAccessible(page);
    // The forged PUT's 404 is this test's doing, not the app's.
    allowFailedRequests(page.context(), /\/ai\/budget$/, 404);
    const forged = await page.evaluate(async (path) => {
      const response = await fetch(path, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ spend_limit_micros: 1 }),
      });
      return response.status;
    }, budgetApi(developers.id));
    expect(forged).toBe(404);
    expect((await api("GET", budgetApi(developers.id))).body.spend_limit_micros).toBe(1_000_000_000);
  });
});

describe("an unentitled deployment", () => {
  it("shows no AI section and sends no budget request", async () => {
    const unentitled = await startServerProcess({ env: { AIBRIDGE_ENTITLED: "false" } });
    try {
      const { page, requests } = await open("/organizations/coder/groups/developers/settings", "admin", unentitled.url);
      await page.getByLabel("Name", { exact: true }).waitFor();
      expect(await page.getByRole("heading", { name: "AI budget" }).count()).toBe(0);
      expect(await page.getByText(/\bAI\b/).count()).toBe(0);
      expect(requests.filter((r) => r.path.includes("/ai/"))).toEqual([]);
      await expectAccessible(page);
    } finally {
      await unentitled.stop();
    }
  });
});

describe("on a phone", () => {
  it.each([390, 360])(
    "at %i px the form, the 0 and the blocking confirmations and the leave question fit, with no sideways scroll",
    async (width) => {
      await setBudget(developers.id, 1_000_000_000);
      const { page } = await open("/organizations/coder/groups/developers/settings");
      await page.setViewportSize({ width, height: 800 });
      const sidewaysScroll = () =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const fits = async (name: string | RegExp) => {
        const box = (await page.getByRole("alertdialog", { name }).boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      };
      await page.getByLabel(BUDGET_LABEL).fill("0");
      expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
      await page.getByRole("button", { name: "Save" }).click();
      await fits("Turn AI off for this group?");
      expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
      await page.keyboard.press("Escape");
      await page.getByRole("alertdialog").waitFor({ state: "detached" });
      await page.getByRole("button", { name: "Cancel" }).click();
      await fits("Leave without saving?");
      expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
      await page.getByRole("button", { name: "Keep editing" }).click();
      // Gone, and the focus handed back, before typing again (else the typing races the focus).
      await page.getByRole("alertdialog").waitFor({ state: "detached" });
      expect(await page.getByLabel(BUDGET_LABEL).inputValue()).toBe("0");
      // A budget that blocks members at once asks too, naming them; its dialog fits as well.
      await page.getByLabel(BUDGET_LABEL).fill("25");
      await page.getByText(/will be blocked/).waitFor();
      await page.getByRole("button", { name: "Save" }).click();
      await fits(/^Block \d+ members? now\?$/);
      expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
      await page.getByRole("alertdialog").getByRole("button", { name: "Go back" }).click();
      expect(await page.getByLabel(BUDGET_LABEL).inputValue()).toBe("25");
    },
  );
});
