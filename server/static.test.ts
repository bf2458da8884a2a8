import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuild } from "./build";
import { CONTENT_SECURITY_POLICY, distDir, startServer, type RunningServer } from "./server";

let server: RunningServer;

// Static serving does not touch the database, so the PostgreSQL run skips it.
describe.skipIf(Boolean(process.env.DATABASE_URL))("the served app", () => {
  beforeAll(async () => {
    ensureBuild();
    server = await startServer({ host: "127.0.0.1", port: 0, aiEntitled: true, latencyMs: 0, staticDir: distDir });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("sends a Content-Security-Policy that allows only this origin's scripts", async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await response.text();
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
  });

  it("serves the app for any page path, so deep links and reloads work", async () => {
    const response = await fetch(`${server.url}/organizations/coder/groups/developers/settings`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root"></div>');
  });

  it("answers unknown API paths with Coder's error shape, not the app", async () => {
    const response = await fetch(`${server.url}/api/v2/nope`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: "You are not signed in." });
  });
});
