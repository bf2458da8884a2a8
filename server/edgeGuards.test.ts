// The guards at the edge of /api, in both modes: sign-in only from this site,
// Secure cookies behind TLS, and through the proxy: body limits, hop-by-hop
// headers kept to their hop, Expect: 100-continue answered.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_GROUPS } from "./seed";
import { startServer, type RunningServer } from "./server";
import { openTestApi, type TestApi } from "./testHarness";

const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
const base = { host: "127.0.0.1", port: 0, aiEntitled: true, latencyMs: 0 };
const credentials = JSON.stringify({ email: "admin@example.com", password: "SomeSecurePassword!" });

describe("sign-in and sign-out from another site (login CSRF)", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi();
  });
  beforeEach(() => api.reset());
  afterAll(() => api.close());

  const login = (headers: Record<string, string>) =>
    api.request("/users/login", { method: "POST", body: credentials, headers });

  it.each([
    ["another Origin", { Origin: "https://evil.example", Host: "app.test" }],
    ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { "Sec-Fetch-Site": "same-site", Origin: "http://other.app.test", Host: "app.test" }],
    ["Origin: null", { Origin: "null", Host: "app.test" }],
  ])("refuses a sign-in with %s, and makes no session", async (_, headers) => {
    const response = await login(headers);
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await api.db.query("SELECT 1 FROM api_keys")).toHaveLength(0);
  });

  it("takes a sign-in from this site's page, and one from a client without a page", async () => {
    expect((await login({ Origin: "http://app.test", Host: "app.test", "Sec-Fetch-Site": "same-origin" })).status).toBe(
      201,
    );
    expect((await login({})).status).toBe(201);
  });

  it("refuses a cross-site sign-out, which would end the victim's session", async () => {
    const token = await api.login("admin");
    const response = await api.request("/users/logout", {
      method: "POST",
      headers: { Cookie: `coder_session_token=${token}`, Origin: "https://evil.example", Host: "app.test" },
    });
    expect(response.status).toBe(403);
    expect((await api.request("/users/me", { headers: { "Coder-Session-Token": token } })).status).toBe(200);
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))("through a TLS-terminating proxy", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(base);
  });
  afterAll(() => server.close());

  it("marks the session cookie Secure when the browser came over https, and only then", async () => {
    const signIn = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/v2/users/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: credentials,
      });
    expect((await signIn({ "X-Forwarded-Proto": "https" })).headers.get("set-cookie")).toMatch(/;\s*Secure/i);
    expect((await signIn({})).headers.get("set-cookie")).not.toMatch(/;\s*Secure/i);
  });
});

/** A stand-in deployment that records what reached it and answers with hop-by-hop headers of its own. */
function recordingUpstream(): Promise<{ url: string; seen: http.IncomingHttpHeaders[]; close: () => Promise<void> }> {
  const seen: http.IncomingHttpHeaders[] = [];
  const upstream = http.createServer((request, response) => {
    seen.push(request.headers);
    request.resume();
    request.on("end", () => {
      response.writeHead(200, {
        "Content-Type": "application/json",
        Connection: "X-Upstream-Hop",
        "X-Upstream-Hop": "secret",
        "Keep-Alive": "timeout=99",
        Trailer: "X-T",
      });
      response.end("{}");
    });
  });
  return new Promise((resolve) =>
    upstream.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
        seen,
        close: () => new Promise((done) => upstream.close(() => done())),
      }),
    ),
  );
}

describe.skipIf(Boolean(process.env.DATABASE_URL))("the CODER_URL proxy's edge", () => {
  let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
  let proxy: RunningServer;
  beforeAll(async () => {
    upstream = await recordingUpstream();
    proxy = await startServer({ ...base, coderUrl: upstream.url });
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it("answers 413 to a body over 1 MB, declared or streamed, and forwards neither", async () => {
    const before = upstream.seen.length;
    const declared = await fetch(`${proxy.url}/api/v2/groups/${developers.id}/ai/budget`, {
      method: "PUT",
      body: "x".repeat(2 * 1024 * 1024),
    });
    expect(declared.status).toBe(413);
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i += 1) controller.enqueue(new Uint8Array(64 * 1024));
        controller.close();
      },
    });
    const streamed = await fetch(`${proxy.url}/api/v2/groups/${developers.id}/ai/budget`, {
      method: "PUT",
      body: chunks,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(upstream.seen.length).toBe(before);
  });

  it("keeps hop-by-hop headers to their hop, both ways", async () => {
    const answer = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.request(`${proxy.url}/api/v2/users/me`, {
        headers: {
          Connection: "keep-alive, X-Client-Hop",
          "X-Client-Hop": "secret",
          "Proxy-Authorization": "Basic x",
          TE: "trailers",
        },
      });
      request.on("response", resolve).on("error", reject).end();
    });
    answer.resume();
    const seen = upstream.seen.at(-1)!;
    for (const name of ["x-client-hop", "proxy-authorization", "te"]) expect(seen[name], name).toBeUndefined();
    expect(answer.headers["x-upstream-hop"]).toBeUndefined();
    expect(answer.headers.trailer).toBeUndefined();
    expect(answer.headers["keep-alive"]).not.toBe("timeout=99");
  });

  it("answers Expect: 100-continue itself instead of a 502", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${proxy.url}/api/v2/groups/${developers.id}/ai/budget`, {
        method: "PUT",
        headers: { Expect: "100-continue", "Content-Type": "application/json", "Coder-Session-Token": "t" },
      });
      request.on("continue", () => request.end(JSON.stringify({ spend_limit_micros: 1 })));
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode!);
      });
      request.on("error", reject);
    });
    expect(status).toBe(200);
    expect(upstream.seen.at(-1)!.expect).toBeUndefined();
  });

  it("refuses a cross-site sign-in before it reaches the deployment", async () => {
    const before = upstream.seen.length;
    const response = await fetch(`${proxy.url}/api/v2/users/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://evil.example" },
      body: credentials,
    });
    expect(response.status).toBe(403);
    expect(upstream.seen.length).toBe(before);
  });

  it("refuses a session token pasted from another site's page (Sec-Fetch-Site), before asking the deployment", async () => {
    const before = upstream.seen.length;
    const response = await fetch(`${proxy.url}/api/app/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "cross-site" },
      body: JSON.stringify({ session_token: "anything" }),
    });
    expect(response.status).toBe(403);
    expect(upstream.seen.length).toBe(before);
  });
});
