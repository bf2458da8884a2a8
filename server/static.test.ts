import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
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

  const someScript = () => {
    const name = readdirSync(path.join(distDir, "assets")).find((f) => f.endsWith(".js"))!;
    return { url: `${server.url}/assets/${name}`, bytes: readFileSync(path.join(distDir, "assets", name)) };
  };

  it("sends scripts compressed as the browser asks, each decoding to the built file", async () => {
    const { url, bytes } = someScript();
    // Node's fetch would decode on its own; ask with a raw request to see the bytes.
    const { request } = await import("node:http");
    const raw = (encoding: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        request(url, { headers: { "Accept-Encoding": encoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        })
          .on("error", reject)
          .end();
      });
    const br = await raw("gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).equals(bytes)).toBe(true);
    const gzip = await raw("gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(bytes)).toBe(true);
    expect(gzip.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(gzip.headers.vary).toMatch(/accept-encoding/i);
    const plain = await raw("br;q=0, gzip;q=0");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(bytes)).toBe(true);
  });

  it("answers 304 to a copy the browser already has, and revalidates the page itself", async () => {
    const { url } = someScript();
    const first = await fetch(url);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"/);
    const again = await fetch(url, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    const page = await fetch(`${server.url}/organizations/coder/groups`);
    expect(page.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers 404 for a script that is not in the build, never the page", async () => {
    const response = await fetch(`${server.url}/assets/index-missing.js`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<div id="root">');
  });

  it("starts the page's requests from a script that loads nothing first, and loads the data layer without React", () => {
    const assets = path.join(distDir, "assets");
    const read = (file: string) => readFileSync(path.join(assets, file), "utf8");
    const staticImports = (file: string) =>
      [...read(file).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const closure = (file: string, seen = new Set<string>()): Set<string> => {
      for (const next of staticImports(file)) if (!seen.has(next)) closure(next, seen.add(next));
      return seen;
    };
    const html = readFileSync(path.join(distDir, "index.html"), "utf8");
    const entry = /<script type="module"[^>]*src="\/assets\/([^"]+)"/.exec(html)![1]!;
    expect(staticImports(entry)).toEqual([]);
    const data = readdirSync(assets).find((f) => /^data-.*\.js$/.test(f))!;
    expect(read(data)).toContain("/api/v2/");
    // The page names the data layer's files, so they load alongside the entry; nothing else.
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/assets\/([^"]+)"/g)].map((m) => m[1]!);
    // (closure() may come back to the data chunk itself: shared chunks it imports can import it again.)
    expect(preloaded.sort()).toEqual([...new Set([data, ...closure(data)])].filter((f) => f !== entry).sort());
    const withReact = [data, ...closure(data)].filter((file) => /react\.(transitional\.)?element/.test(read(file)));
    expect(withReact).toEqual([]);
  });
});
