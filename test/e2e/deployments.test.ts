// `CODER_URL=… npm start` against each kind of Coder deployment: the app's
// real server (test build) proxying to a fake deployment on 127.0.0.1, driven
// in Debian's Chromium. What an admin sees, what reaches the deployment.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureBuild } from "../../server/build";
import { makePrivateCA, type PrivateCA } from "../fakeCoder/certificates";
import { FAKE_ADMIN_PASSWORD, startFakeCoder, type FakeCoder, type FakeCoderOptions } from "../fakeCoder/fakeCoder";
import { startServerProcess, type ServerProcess } from "../serverProcess";
import { allowFailedRequests, launchChromium, openPage, screenshot, signInThroughForm } from "./browser";

const BUDGET_LABEL = "Monthly budget per member (USD)";
const SETTINGS = "/organizations/coder/groups/platform/settings";
const GROUP_PAGE = "/organizations/coder/groups/platform";

let browser: Browser;
let ca: PrivateCA;
const running: { close?: () => Promise<void>; stop?: () => Promise<void> }[] = [];

beforeAll(async () => {
  ensureBuild();
  ca = makePrivateCA();
  browser = await launchChromium();
});
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await (item.stop ?? item.close)!();
});
afterAll(async () => {
  await browser?.close();
});

/** A fake deployment, and this app's server in front of it. */
async function deployment(options: FakeCoderOptions, env: Record<string, string> = {}) {
  const fake = await startFakeCoder(options);
  running.push(fake);
  const app = await app_(fake.url, env);
  const opened = await openPage(browser, app.url);
  // Closed before the servers stop (afterEach), so no request of its meets a stopped server.
  running.push({ close: () => opened.context.close() });
  return { fake, app, ...opened };
}

async function app_(coderUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const app = await startServerProcess({ env: { CODER_URL: coderUrl, ...env } });
  running.push(app);
  return app;
}

const FAKE_ADMIN = { email: "admin@deployment.test", password: FAKE_ADMIN_PASSWORD };

/** Sets the budget on the settings page and saves; answers when the page has moved on. */
async function saveBudget(page: Page, amount: string) {
  await page.goto(SETTINGS);
  const input = page.getByLabel(BUDGET_LABEL);
  await input.fill(amount);
  await page.getByRole("button", { name: "Save" }).click();
  await page.waitForURL((url) => url.pathname === GROUP_PAGE);
}

const budgetRequests = (fake: FakeCoder) => fake.requests.filter((r) => r.path.includes("/ai/budget"));

describe("CODER_URL in Chromium", () => {
  it("password and SSO on v2.36: signs in with a password, saves in one request, shows the deployment, signs out there too", async () => {
    const { fake, page } = await deployment({ password: true, oidc: true });
    await page.goto("/");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByText(`Okta sign-in returns to ${fake.url}, not to this app`, { exact: false }).waitFor();
    await signInThroughForm(page, FAKE_ADMIN);
    await page.getByRole("heading", { name: "Groups" }).waitFor();
    expect(await page.getByRole("contentinfo").textContent()).toBe(`Connected to ${fake.url} · Coder v2.36.1+fake`);

    await saveBudget(page, "25");
    expect(fake.budgets.get(fake.group.id)?.spend_limit_micros).toBe(25_000_000);
    // One read when the form loaded, then the write: no read just before it.
    expect(budgetRequests(fake).map((r) => r.method)).toEqual(["GET", "PUT"]);
    await screenshot(page, "deployment-password-and-sso");

    expect(fake.sessionCount()).toBe(1);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(fake.sessionCount()).toBe(0);
    await page.goto(SETTINGS);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
  });

  it("v2.40 and v2.36: the group header reads the one-group spend where the version has it, and never asks v2.36 for it", async () => {
    const newest = await deployment({ password: true, version: "v2.40.2+fake" });
    await newest.page.goto("/");
    await signInThroughForm(newest.page, FAKE_ADMIN);
    await saveBudget(newest.page, "50");
    await newest.page.getByText("$1.25 / $100.00").waitFor();
    const oneGroup = (fake: FakeCoder) =>
      fake.requests.filter((r) => r.path === `/api/v2/groups/${fake.group.id}/ai/spend`);
    expect(oneGroup(newest.fake).length).toBeGreaterThan(0);

    const older = await deployment({ password: true });
    await older.page.goto("/");
    await signInThroughForm(older.page, FAKE_ADMIN);
    await saveBudget(older.page, "50");
    await older.page.getByText("$1.25 / $100.00").waitFor();
    expect(oneGroup(older.fake)).toEqual([]);
    expect(older.fake.requests.some((r) => r.path.startsWith("/api/v2/organizations/coder/groups/ai/spend"))).toBe(
      true,
    );
  });

  it("SSO only: no password field; a session token from /cli-auth signs in, kept HttpOnly, and saves", async () => {
    const { fake, page, context } = await deployment({ password: false, github: true, oidc: true });
    await page.goto(SETTINGS);
    await page.getByRole("heading", { name: "Single sign-on (SSO)" }).waitFor();
    expect(await page.getByLabel("Password").count()).toBe(0);
    const cliAuth = page.getByRole("link", { name: `${fake.url}/cli-auth` });
    expect(await cliAuth.getAttribute("href")).toBe(`${fake.url}/cli-auth`);
    await page.getByText(`GitHub and Okta sign-in returns to ${fake.url}`, { exact: false }).waitFor();
    await screenshot(page, "deployment-sso-only-sign-in");

    await page.getByLabel("Session token").fill("expired-or-wrong");
    await page.getByRole("button", { name: "Sign in with token" }).click();
    await page.getByRole("alert").getByText("This session token was not accepted.").waitFor();

    const token = fake.issueToken();
    await page.getByLabel("Session token").fill(token);
    await page.getByRole("button", { name: "Sign in with token" }).click();
    await page.getByLabel(BUDGET_LABEL).waitFor();
    expect(await page.evaluate(() => document.cookie)).not.toContain(token);
    const session = (await context.cookies()).find((c) => c.name === "coder_session_token");
    expect(session).toMatchObject({ value: token, httpOnly: true, sameSite: "Lax" });

    await saveBudget(page, "10");
    expect(fake.budgets.get(fake.group.id)?.spend_limit_micros).toBe(10_000_000);
  });

  it("prefixed cookies over https with a private CA, under a path prefix: signs in and saves past Coder's CSRF check", async () => {
    const { fake, page, context } = await deployment(
      { hostPrefixCookie: true, tls: { key: ca.key, cert: ca.cert }, pathPrefix: "/coder" },
      { NODE_EXTRA_CA_CERTS: ca.caFile },
    );
    expect(fake.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/coder$/);
    await page.goto(SETTINGS);
    await signInThroughForm(page, FAKE_ADMIN);
    await page.getByLabel(BUDGET_LABEL).waitFor();
    expect((await context.cookies()).map((c) => c.name)).toContain("coder_session_token");

    await saveBudget(page, "40");
    expect(fake.budgets.get(fake.group.id)?.spend_limit_micros).toBe(40_000_000);
    const put = budgetRequests(fake).find((r) => r.method === "PUT")!;
    expect(put.headers["coder-session-token"]).toEqual(expect.any(String));
    expect(put.headers.cookie).toBeUndefined();
  });

  it("says the certificate was refused, and how to trust a private CA, when NODE_EXTRA_CA_CERTS is missing", async () => {
    const fake = await startFakeCoder({ tls: { key: ca.key, cert: ca.cert } });
    running.push(fake);
    const app = await app_(fake.url);
    const { page, context } = await openPage(browser, app.url);
    // The app's server answers 502 for every API request it cannot pass on: the point of this test.
    allowFailedRequests(context, /^\/api\/v2\//, 502);
    running.push({ close: () => context.close() });
    await page.goto("/");
    await page.getByText("Cannot connect to the Coder deployment.").waitFor();
    await page.getByText(`The certificate of the Coder deployment at ${fake.url} was refused.`).waitFor();
    await page.getByText("NODE_EXTRA_CA_CERTS=/path/to/ca.pem", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Retry" }).waitFor();
    await screenshot(page, "deployment-certificate-refused");
  });

  it("v2.35: says which version AI budgets need, sends no budget request, and still saves the group", async () => {
    const { fake, page } = await deployment({ version: "v2.35.2" });
    await page.goto(SETTINGS);
    await signInThroughForm(page, FAKE_ADMIN);
    await page.getByText("AI budgets need Coder v2.36 or later; this deployment runs v2.35.2.").waitFor();
    expect(await page.getByLabel(BUDGET_LABEL).count()).toBe(0);
    await screenshot(page, "deployment-v2.35");

    await page.getByLabel("Display name").fill("Platform team");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL((url) => url.pathname === GROUP_PAGE);
    expect(fake.group.display_name).toBe("Platform team");
    expect(fake.requests.filter((r) => r.path.includes("/ai/")).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it("unreachable: a page that says the deployment could not be reached, not a blank screen", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const coderUrl = `http://127.0.0.1:${port}`;
    const app = await app_(coderUrl);
    const { page, context } = await openPage(browser, app.url);
    // The app's server answers 502 for every API request it cannot pass on: the point of this test.
    allowFailedRequests(context, /^\/api\/v2\//, 502);
    running.push({ close: () => context.close() });
    await page.goto("/login");
    await page.getByText("Could not load the sign-in options.").waitFor();
    await page.getByText(`The Coder deployment at ${coderUrl} could not be reached.`).waitFor();
    await page.goto("/");
    const alert = page.getByRole("alert");
    await alert.getByText("Cannot connect to the Coder deployment.").waitFor();
    await alert.getByText(`The Coder deployment at ${coderUrl} could not be reached.`).waitFor();
    await alert.getByRole("button", { name: "Retry" }).waitFor();
  });
});
