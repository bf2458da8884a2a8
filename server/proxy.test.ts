import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

  it("passes the deployment's errors through unchanged", async () => {
    const answer = await fetch(`${proxy.url}/api/v2/users/me`);
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ message: "You are not signed in.", detail: "Sign in, or send a session token." });
  });

  it("answers 502 with Coder's error shape when the deployment cannot be reached", async () => {
    const orphan = await startServer({ ...base, coderUrl: "http://127.0.0.1:9" });
    try {
      const answer = await fetch(`${orphan.url}/api/v2/users/me`);
      expect(answer.status).toBe(502);
      expect(((await answer.json()) as { message: string }).message).toBe("The Coder deployment could not be reached.");
    } finally {
      await orphan.close();
    }
  });
});
