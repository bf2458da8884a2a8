import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type Page, type Request } from "playwright-core";
import { assertChromiumInstalled, CHROMIUM_ARGS, chromiumPath } from "../chromium";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../../test-results/screenshots");

export async function launchChromium(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

export interface ApiRequest {
  method: string;
  path: string;
  body: unknown;
}

/** A fresh page whose API requests are recorded as they leave the browser. */
export async function openPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1100, height: 1000 } });
  const page = await context.newPage();
  const requests: ApiRequest[] = [];
  page.on("request", (request: Request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/api/")) return;
    const text = request.postData();
    requests.push({ method: request.method(), path: url.pathname, body: text ? JSON.parse(text) : undefined });
  });
  // Requests that change something, other than signing in.
  const writes = () =>
    requests.filter(
      (r) => r.method !== "GET" && r.path !== "/api/v2/authcheck" && r.path !== "/api/v2/users/login",
    );
  return { page, context, requests, writes };
}

export async function signInThroughForm(page: Page, username: string): Promise<void> {
  await page.getByLabel("Email").fill(`${username}@example.com`);
  await page.getByLabel("Password").fill("SomeSecurePassword!");
  await page.getByRole("button", { name: "Sign In" }).click();
}

/**
 * axe-core's serious and critical violations on the page as it is now. Run
 * through DevTools, so the app's Content-Security-Policy stays on.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const results = await axe.run(document, { resultTypes: ["violations"] });
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Let sonner's toast finish sliding in, so the picture shows it whole.
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
