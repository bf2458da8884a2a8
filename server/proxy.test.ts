// Over 200 lines: the proxy to CODER_URL against a fake deployment, one describe per thing it must pass on or refuse.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_TOKEN_SIGN_IN_PATH } from "../core/types";
import { makePrivateCA } from "../test/fakeCoder/certificates";
import { FAKE_ADMIN_PASSWORD, FAKE_GROUP, startFakeCoder, type FakeCoder } from "../test/fakeCoder/fakeCoder";
import { describeDeployment } from "./proxy";
import { SEED_GROUPS } from "./seed";
import { startServer, type RunningServer } from "./server";

const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
const base = { host: "127.0.0.1", port: 0, aiEntitled: true, latencyMs: 0 };

// The "deployment" is another embedded server: the proxy cannot tell the
// difference, and neither can the browser.
let deployment: RunningServer;
let proxy: RunningServer;

// The PostgreSQL run covers the data layer; the proxy does not touch it.
describe.skipIf(Boolean(process.env.DATABASE_URL))("CODER_URL: /api proxied to a deployment", () => {
  beforeAll(async () => {
    deployment = await startServer({ ...base, dataDir: undefined });
    proxy = await startServer({ ...base, coderUrl: deployment.url });
  });
  afterAll(async () => {
    await proxy?.close();
    await deployment?.close();
  });

  it("signs in through the proxy, keeps the cookie on this origin, and writes with it", async () => {
    const login = await fetch(`${proxy.url}/api/v2/users/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: proxy.url },
      body: JSON.stringify({ email: "admin@example.com", password: "SomeSecurePassword!" }),
    });
    expect(login.status).toBe(201);
    const setCookie = login.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^coder_session_token=/);
    expect(setCookie).not.toMatch(/Domain=/i);
    const cookie = setCookie.split(";")[0]!;

    const me = await fetch(`${proxy.url}/api/v2/users/me`, { headers: { Cookie: cookie } });
    expect(((await me.json()) as { username: string }).username).toBe("admin");

    const put = (origin: string) =>
      fetch(`${proxy.url}/api/v2/groups/${developers.id}/ai/budget`, {
        method: "PUT",
        headers: { Cookie: cookie, Origin: origin, "Content-Type": "application/json" },
        body: JSON.stringify({ spend_limit_micros: 42_000_000 }),
      });
    expect((await put("https://elsewhere.example")).status).toBe(403);
    expect((await put(proxy.url)).status).toBe(200);

    const direct = await fetch(`${deployment.url}/api/v2/groups/${developers.id}/ai/budget`, {
      headers: { Cookie: cookie },
    });
    expect(((await direct.json()) as { spend_limit_micros: number }).spend_limit_micros).toBe(42_000_000);
  });

  it("takes a pasted session token on the embedded backend too, and says password sign-in is on", async () => {
    const methods = await fetch(`${deployment.url}/api/v2/users/authmethods`);
    expect(await methods.json()).toEqual({
      password: { enabled: true },
      github: { enabled: false },
      oidc: { enabled: false, signInText: "", iconUrl: "" },
    });
    const token = (
      (await (
        await fetch(`${deployment.url}/api/v2/users/login`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ email: "admin@example.com", password: "SomeSecurePassword!" }),
        })
      ).json()) as { session_token: string }
    ).session_token;
    const answer = await fetch(`${deployment.url}${SESSION_TOKEN_SIGN_IN_PATH}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: deployment.url },
      body: JSON.stringify({ session_token: token }),
    });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { username: string }).username).toBe("admin");
    expect(answer.headers.get("set-cookie")).toMatch(/^coder_session_token=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it("passes the deployment's errors through unchanged", async () => {
    const answer = await fetch(`${proxy.url}/api/v2/users/me`);
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({
      message: "You are not signed in.",
      detail: "Sign in, or send a session token.",
    });
  });

  it("answers 502 with Coder's error shape when the deployment cannot be reached", async () => {
    const orphan = await startServer({ ...base, coderUrl: "http://127.0.0.1:9" });
    try {
      const answer = await fetch(`${orphan.url}/api/v2/users/me`);
      expect(answer.status).toBe(502);
      expect(((await answer.json()) as { message: string }).message).toBe(
        "The Coder deployment at http://127.0.0.1:9 could not be reached.",
      );
    } finally {
      await orphan.close();
    }
  });
});

describe("CODER_URL: deployments of every kind", () => {
  const servers: { close: () => Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  async function proxyTo(fake: FakeCoder | string) {
    const running = await startServer({ ...base, coderUrl: typeof fake === "string" ? fake : fake.url });
    servers.push(running);
    return running;
  }
  async function fakeCoder(options: Parameters<typeof startFakeCoder>[0]) {
    const fake = await startFakeCoder(options);
    servers.push(fake);
    return fake;
  }
  const login = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/v2/users/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: url, ...headers },
      body: JSON.stringify({ email: "admin@deployment.test", password: FAKE_ADMIN_PASSWORD }),
    });
  const putBudget = (url: string, cookie: string, micros: number) =>
    fetch(`${url}/api/v2/groups/${FAKE_GROUP.id}/ai/budget`, {
      method: "PUT",
      headers: { Cookie: cookie, Origin: url, "Content-Type": "application/json" },
      body: JSON.stringify({ spend_limit_micros: micros }),
    });

  it("keeps a __Host- prefixed session as this origin's cookie over http, and writes past Coder's CSRF check", async () => {
    const fake = await fakeCoder({ hostPrefixCookie: true });
    const proxy = await proxyTo(fake);
    const answer = await login(proxy.url);
    expect(answer.status).toBe(201);
    const setCookie = answer.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^coder_session_token=/);
    expect(setCookie).not.toMatch(/Secure/i);
    const cookie = setCookie.split(";")[0]!;

    expect((await putBudget(proxy.url, cookie, 5_000_000)).status).toBe(200);
    expect(fake.budgets.get(FAKE_GROUP.id)?.spend_limit_micros).toBe(5_000_000);
    const put = fake.requests.findLast((r) => r.method === "PUT")!;
    expect(put.headers["coder-session-token"]).toBe(cookie.split("=")[1]);
    expect(put.headers.cookie).toBeUndefined();
  });

  it("keeps the prefix and Secure when this app is served over https, and reads that cookie too", async () => {
    const fake = await fakeCoder({ hostPrefixCookie: true });
    const proxy = await proxyTo(fake);
    const answer = await login(proxy.url, { "X-Forwarded-Proto": "https" });
    const setCookie = answer.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^__Host-coder_session_token=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    const cookie = setCookie.split(";")[0]!;
    expect((await putBudget(proxy.url, cookie, 7_000_000)).status).toBe(200);
    // A cookie-only write from another site is still refused, whatever the cookie's name.
    const forged = await fetch(`${proxy.url}/api/v2/groups/${FAKE_GROUP.id}/ai/budget`, {
      method: "DELETE",
      headers: { Cookie: cookie, Origin: "https://elsewhere.example" },
    });
    expect(forged.status).toBe(403);
    expect(fake.budgets.get(FAKE_GROUP.id)?.spend_limit_micros).toBe(7_000_000);
  });

  it("reaches a deployment under a path prefix", async () => {
    const fake = await fakeCoder({ pathPrefix: "/coder", version: "v2.36.3" });
    expect(fake.url).toMatch(/\/coder$/);
    const proxy = await proxyTo(fake);
    const info = await fetch(`${proxy.url}/api/v2/buildinfo`);
    expect(await info.json()).toMatchObject({ version: "v2.36.3", external_url: fake.url });
    expect((await login(proxy.url)).status).toBe(201);
  });

  it("signs in with a pasted session token: checked with the deployment, then kept HttpOnly", async () => {
    const fake = await fakeCoder({ password: false, oidc: true });
    const proxy = await proxyTo(fake);
    const paste = (token: string, origin = proxy.url) =>
      fetch(`${proxy.url}${SESSION_TOKEN_SIGN_IN_PATH}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: origin },
        body: JSON.stringify({ session_token: token }),
      });
    const wrong = await paste("not-a-token");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ message: "This session token was not accepted." });
    expect(wrong.headers.get("set-cookie")).toBeNull();

    const token = fake.issueToken();
    expect((await paste(token, "https://elsewhere.example")).status).toBe(403);
    const answer = await paste(` ${token} `);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ username: "deployment-admin" });
    const setCookie = answer.headers.get("set-cookie")!;
    expect(setCookie).toBe(`coder_session_token=${token}; Path=/; HttpOnly; SameSite=Lax`);

    const me = await fetch(`${proxy.url}/api/v2/users/me`, { headers: { Cookie: setCookie.split(";")[0]! } });
    expect(me.status).toBe(200);
  });

  it("signs out on the deployment too, and clears this origin's cookie", async () => {
    const fake = await fakeCoder({});
    const proxy = await proxyTo(fake);
    const cookie = (await login(proxy.url)).headers.get("set-cookie")!.split(";")[0]!;
    const token = cookie.split("=")[1]!;
    expect(fake.isSessionLive(token)).toBe(true);
    const out = await fetch(`${proxy.url}/api/v2/users/logout`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: proxy.url },
    });
    expect(out.status).toBe(200);
    expect(fake.isSessionLive(token)).toBe(false);
    expect(out.headers.getSetCookie()).toContain("coder_session_token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
  });

  it("says the certificate was refused, and how to trust a private CA", async () => {
    const ca = makePrivateCA();
    const fake = await fakeCoder({ tls: { key: ca.key, cert: ca.cert } });
    const proxy = await proxyTo(fake);
    const answer = await fetch(`${proxy.url}/api/v2/buildinfo`);
    expect(answer.status).toBe(502);
    const body = (await answer.json()) as { message: string; detail: string };
    expect(body.message).toBe(`The certificate of the Coder deployment at ${fake.url} was refused.`);
    expect(body.detail).toMatch(/NODE_EXTRA_CA_CERTS=/);
  });

  it("names the deployment at start-up, and says when it is too old for AI budgets", async () => {
    const current = await fakeCoder({ version: "v2.36.2", pathPrefix: "/coder" });
    expect(await describeDeployment(current.url)).toBe(`Connected to Coder v2.36.2 at ${current.url}.`);
    const old = await fakeCoder({ version: "v2.35.0" });
    expect(await describeDeployment(old.url)).toBe(
      `Connected to Coder v2.35.0 at ${old.url}. AI budgets need Coder v2.36 or later.`,
    );
    expect(await describeDeployment("http://127.0.0.1:9")).toMatch(
      /^Warning: The Coder deployment at http:\/\/127\.0\.0\.1:9 could not be reached\./,
    );
  });

  it("says when the server at CODER_URL is not a Coder deployment", async () => {
    const other = http.createServer((_req, res) => {
      res.writeHead(404, { "Content-Type": "text/html" });
      res.end("<h1>Welcome to nginx!</h1>");
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    servers.push({ close: () => new Promise<void>((resolve) => other.close(() => resolve())) });
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const proxy = await proxyTo(url);
    const answer = await fetch(`${proxy.url}/api/v2/users/me`);
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({
      message: `The server at ${url} does not look like a Coder deployment.`,
    });
  });
});
