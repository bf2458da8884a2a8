import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page, type Request } from "playwright-core";
import { assertChromiumInstalled, CHROMIUM_ARGS, chromiumPath } from "../chromium";
import { signIn } from "../serverProcess";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../../test-results/screenshots");

/**
 * Debian's Chromium. Every context it opens is watched: a console error or
 * warning, or an uncaught error, on any page fails the test that opened it.
 * (Outside vitest, for the bench and the screenshots script, nothing is watched.)
 */
export async function launchChromium(): Promise<Browser> {
  assertChromiumInstalled();
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  const newContext = browser.newContext.bind(browser);
  if (process.env.VITEST) {
    const { onTestFinished } = await import("vitest");
    browser.newContext = async (...args) => watchConsole(await newContext(...args), onTestFinished);
  }
  return browser;
}

/**
 * A failed request the browser logs ("Failed to load resource: the server
 * responded with a status of 404") that is how Coder's API answers a normal
 * case, not a fault; each says why. Anything else fails the test.
 */
const INHERENT_FAILED_REQUESTS: { method: string; path: RegExp; status: number; reason: string }[] = [
  {
    method: "GET",
    path: /^\/api\/v2\/groups\/[^/]+\/ai\/budget$/,
    status: 404,
    reason: "Coder answers 404 for a group with no AI budget (uncapped)",
  },
  {
    method: "GET",
    path: /^\/api\/v2\/users\/[^/]+\/ai\/budget\/override$/,
    status: 404,
    reason: "Coder answers 404 for a member with no override",
  },
  {
    method: "GET",
    path: /^\/api\/v2\/organizations\/[^/]+\/ai\/spend\/export$/,
    status: 403,
    reason: "the report's one request; Coder refuses it to a member, and the page says the report is for admins",
  },
  {
    method: "GET",
    path: /^\/api\/v2\/organizations\/[^/]+\/ai\/spend\/users$/,
    status: 403,
    reason: "the report's By user, where the deployment pages it (v2.40); refused to a member as the export is",
  },
];

/** Failed requests a test causes on purpose (a server it stops, a deployment it makes unreachable). */
const expectedFailures = new WeakMap<BrowserContext, { path: RegExp; status: number | "unreachable" }[]>();

/**
 * Says that, in this context, requests to `path` may fail with `status` (or
 * not reach a server at all) because the test makes them fail.
 */
export function allowFailedRequests(context: BrowserContext, path: RegExp, status: number | "unreachable"): void {
  expectedFailures.get(context)?.push({ path, status });
}

/**
 * Faults set through the test build's switch (POST /api/v2/__test/faults),
 * by origin: a budget write the test told the server to refuse is the test's
 * doing, not the app's. Seen as the tests send them, whichever helper sends them.
 */
const injectedFaults = new Map<string, number>();
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.pathname === "/api/v2/__test/faults" && typeof init?.body === "string") {
    const status = (JSON.parse(init.body) as { budgetWrite?: { status?: number } }).budgetWrite?.status;
    if (status) injectedFaults.set(url.origin, status);
    else injectedFaults.delete(url.origin);
  }
  return realFetch(input, init);
};

const FAILED_RESOURCE = /^Failed to load resource: (?:the server responded with a status of (\d+)|net::ERR_)/;

/** A response as the console's line about it cannot say: its method, and whether it carried a session. */
interface FailedResponse {
  url: string;
  method: string;
  status: number;
  signedOut: boolean;
  injected: boolean;
}

function isAllowedFailure(context: BrowserContext, line: string, url: string, failures: FailedResponse[]): boolean {
  const failed = FAILED_RESOURCE.exec(line);
  if (!failed) return false;
  const status: number | "unreachable" = failed[1] ? Number(failed[1]) : "unreachable";
  const path = new URL(url).pathname;
  if ((expectedFailures.get(context) ?? []).some((a) => a.status === status && a.path.test(path))) return true;
  const response = failures.find((r) => r.url === url && r.status === status);
  if (!response) return false;
  // The session cookie is HttpOnly: a signed-out page learns it is signed out
  // only from the API's 401, so the first requests of a signed-out visit answer 401.
  if (status === 401 && response.signedOut) return true;
  if (response.injected) return true;
  return INHERENT_FAILED_REQUESTS.some((a) => a.method === response.method && a.status === status && a.path.test(path));
}

/** Records the context's console errors, warnings and uncaught errors, and fails the current test on any. */
function watchConsole(context: BrowserContext, onTestFinished: (check: () => Promise<void>) => void): BrowserContext {
  const lines: { text: string; url: string }[] = [];
  const failures: Promise<FailedResponse>[] = [];
  expectedFailures.set(context, []);
  context.on("response", (response) => {
    if (response.status() < 400) return;
    const request = response.request();
    const injected =
      injectedFaults.get(new URL(response.url()).origin) === response.status() && /\/ai\/budget$/.test(response.url());
    const failure = {
      url: response.url(),
      method: request.method(),
      status: response.status(),
      injected: injected && request.method() !== "GET",
    };
    failures.push(
      request
        .allHeaders()
        .then((headers) => !/session_token=/.test(headers.cookie ?? "") && !headers["coder-session-token"])
        // Headers gone with a closed page: not known to be signed out.
        .catch(() => false)
        .then((signedOut) => ({ ...failure, signedOut })),
    );
  });
  context.on("console", (message) => {
    if (message.type() !== "error" && message.type() !== "warning") return;
    lines.push({ text: `console.${message.type()}: ${message.text()}`, url: message.location().url });
  });
  context.on("weberror", (error) => lines.push({ text: `uncaught: ${error.error().message}`, url: "" }));
  onTestFinished(async () => {
    const settled = await Promise.all(failures);
    const problems = lines
      .filter((line) => !isAllowedFailure(context, line.text.replace(/^console\.error: /, ""), line.url, settled))
      .map((line) => `${line.text}${line.url ? ` (${line.url})` : ""}`);
    if (problems.length > 0) throw new Error(`The browser console was not clean:\n${problems.join("\n")}`);
  });
  return context;
}

export interface ApiRequest {
  method: string;
  path: string;
  body: unknown;
}

/**
 * A fresh page whose API requests are recorded as they leave the browser. In
 * a test, its context closes when the test ends.
 */
export async function openPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1100, height: 1000 } });
  if (process.env.VITEST) (await import("vitest")).onTestFinished(() => context.close());
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
    requests.filter((r) => r.method !== "GET" && r.path !== "/api/v2/authcheck" && r.path !== "/api/v2/users/login");
  return { page, context, requests, writes };
}

/** A seeded user (`admin`, `member`, …), or any email and password (a fake deployment's admin). */
export type SignInAs = string | { email: string; password: string };

/** Signs in through the sign-in page the app is showing, as a user would. */
export async function signInThroughForm(page: Page, as: SignInAs): Promise<void> {
  const { email, password } =
    typeof as === "string" ? { email: `${as}@example.com`, password: "SomeSecurePassword!" } : as;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign In", exact: true }).click();
}

/** A fresh page (see openPage) that opens `path` signed out and signs in through the form there. */
export async function openSignedIn(browser: Browser, baseURL: string, path: string, as: SignInAs) {
  const opened = await openPage(browser, baseURL);
  await opened.page.goto(path);
  await signInThroughForm(opened.page, as);
  return opened;
}

/**
 * A browser context already signed in as a seeded user, through the API
 * rather than the form: for tests that measure what the page itself sends.
 */
export async function signedInContext(browser: Browser, baseURL: string, username: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: "coder_session_token", value: await signIn(baseURL, username), url: baseURL }]);
  return context;
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
