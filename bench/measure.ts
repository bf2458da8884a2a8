// Timed flows in Chromium: navigation to an interactive settings form, and
// Save to the group page showing the saved values, with request waves.
import type { Browser, Page } from "playwright-core";
import { countWaves, watchApi } from "../test/e2e/waves";

export const BUDGET_LABEL = "Monthly budget per member (USD)";
export type Scenario = "direct" | "list" | "hover";

export interface Measured {
  ms: number;
  waves: number;
  files: string[];
  /** For a save: reads after the writes (the members' spend a new budget changes). */
  readsAfter?: number;
}

/** A fresh context signed in with `token`, recording the JS and CSS files it loads. */
export async function signedInPage(browser: Browser, url: string, token: string) {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1100, height: 900 } });
  await context.addCookies([{ name: "coder_session_token", value: token, url }]);
  const page = await context.newPage();
  const files: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (/\.(js|css)$/.test(path)) files.push(path);
  });
  return { context, page, api: watchApi(page), files };
}

/**
 * The page's own clock (ms since its navigation started) at the first frame in
 * which the budget field is on screen and can be typed in.
 */
async function interactiveAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (label) => {
      const field = [...document.querySelectorAll("label")].find((l) => l.textContent === label);
      const target = field && document.getElementById(field.htmlFor);
      return target instanceof HTMLInputElement && !target.disabled && target.offsetParent !== null
        ? performance.now()
        : false;
    },
    BUDGET_LABEL,
    { polling: "raf", timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Clicks in the page and answers the page's clock at that moment, so no tool latency is counted. */
const clickAt = (element: import("playwright-core").Locator) =>
  element.evaluate((el: HTMLElement) => {
    const at = performance.now();
    el.click();
    return at;
  });

/** From the moment the admin asks for the settings page to a form they can type in. */
export async function measureLoad(
  browser: Browser,
  url: string,
  token: string,
  scenario: Scenario,
  groupName: string,
): Promise<Measured> {
  const { context, page, api, files } = await signedInPage(browser, url, token);
  try {
    let ms: number;
    if (scenario === "direct") {
      await page.goto(`/organizations/coder/groups/${groupName}/settings`);
      ms = await interactiveAt(page);
    } else {
      await page.goto("/organizations/coder/groups");
      // By where it leads: the saves below change display names.
      const link = page.locator(`a[href="/organizations/coder/groups/${groupName}/settings"]`);
      await link.waitFor();
      await api.settle();
      if (scenario === "hover") {
        await link.hover();
        await api.settle();
      }
      api.reset();
      files.length = 0;
      // No pointer on the way in: the hover, if any, happened above.
      const clicked = await clickAt(link);
      ms = (await interactiveAt(page)) - clicked;
    }
    await api.settle();
    return { ms, waves: countWaves(api.log), files: [...files] };
  } finally {
    await context.close();
  }
}

/**
 * From the click on Save to the group page showing the new values. Each run
 * raises the budget (the seeded ones are $1,000 and $50), the common change;
 * lowering the budget that governs members adds one read of their spend,
 * which test/e2e/waves.test.ts holds.
 */
export async function measureSave(
  browser: Browser,
  url: string,
  token: string,
  groupName: string,
  run: number,
): Promise<Measured> {
  const { context, page, api, files } = await signedInPage(browser, url, token);
  try {
    await page.goto(`/organizations/coder/groups/${groupName}/settings`);
    await interactiveAt(page);
    const displayName = `Saved ${run} ${Date.now() % 100000}`;
    await page.getByLabel("Display name").fill(displayName);
    await page.getByLabel(BUDGET_LABEL).fill(String(2000 + run));
    await api.settle();
    api.reset();
    const clicked = await clickAt(page.getByRole("button", { name: "Save" }));
    const shown = await page.waitForFunction(
      ([path, name]) =>
        location.pathname === path && document.querySelector("h1")?.textContent === name ? performance.now() : false,
      [`/organizations/coder/groups/${groupName}`, displayName] as const,
      { polling: "raf", timeout: 60_000 },
    );
    const ms = ((await shown.jsonValue()) as number) - clicked;
    await api.settle(400);
    const writes = api.log.filter((r) => r.method !== "GET");
    return { ms, waves: countWaves(writes), files, readsAfter: api.log.length - writes.length };
  } finally {
    await context.close();
  }
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
