// The built app, read and compressed once at start-up and served from memory:
// a page load costs no disk reads and no compression, whatever the traffic.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Context, MiddlewareHandler } from "hono";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".txt"]);

export interface Asset {
  contentType: string;
  etag: string;
  identity: Buffer;
  /** Only kept where they are smaller than the file itself. */
  br?: Buffer;
  gzip?: Buffer;
  /** Hashed file names never change: cache them for a year. Others are revalidated. */
  immutable: boolean;
}

function asset(file: Buffer, extension: string, immutable: boolean): Asset {
  const contentType = CONTENT_TYPES[extension] ?? "application/octet-stream";
  const result: Asset = {
    contentType,
    etag: `"${createHash("sha256").update(file).digest("base64url").slice(0, 22)}"`,
    identity: file,
    immutable,
  };
  if (COMPRESSIBLE.has(extension) && file.length >= 256) {
    const br = brotliCompressSync(file, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: file.length },
    });
    const gzip = gzipSync(file, { level: 9 });
    if (br.length < file.length) result.br = br;
    if (gzip.length < file.length) result.gzip = gzip;
  }
  return result;
}

/** Every file under `dir`, by URL path ("/assets/index-abc.js"). */
export function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const urlPath = `/${path.relative(dir, full).split(path.sep).join("/")}`;
        assets.set(urlPath, asset(readFileSync(full), path.extname(entry.name), urlPath.startsWith("/assets/")));
      }
    }
  };
  walk(dir);
  return assets;
}

/** The best encoding of `asset` that the request accepts (q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined, asset: Asset): "br" | "gzip" | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name!.trim(), q ? Number(q[1]) : 1);
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get("*") ?? 0;
  if (asset.br && weight("br") > 0 && weight("br") >= weight("gzip")) return "br";
  if (asset.gzip && weight("gzip") > 0) return "gzip";
  return undefined;
}

export function sendAsset(c: Context, asset: Asset): Response {
  const headers: Record<string, string> = {
    "Content-Type": asset.contentType,
    ETag: asset.etag,
    "Cache-Control": asset.immutable ? "public, max-age=31536000, immutable" : "no-cache",
    Vary: "Accept-Encoding",
  };
  const ifNoneMatch = c.req.header("If-None-Match");
  if (ifNoneMatch?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === asset.etag)) {
    return c.body(null, 304, headers);
  }
  const encoding = chooseEncoding(c.req.header("Accept-Encoding"), asset);
  const body = encoding ? asset[encoding]! : asset.identity;
  if (encoding) headers["Content-Encoding"] = encoding;
  headers["Content-Length"] = String(body.length);
  if (c.req.method === "HEAD") return c.body(null, 200, headers);
  return c.body(new Uint8Array(body), 200, headers);
}

/**
 * Serves the files in `dir`; any other GET is answered with the app's
 * index.html, since the router in the page takes it from there.
 */
export function serveApp(dir: string): MiddlewareHandler {
  const assets = loadAssets(dir);
  const index = assets.get("/index.html");
  if (!index) throw new Error(`no index.html in ${dir}: build the app first`);
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const found = assets.get(c.req.path);
    if (found) return sendAsset(c, found);
    // A missing hashed file is a 404, not the page: a script must not get HTML.
    if (c.req.path.startsWith("/assets/")) return c.text("Not found", 404);
    return sendAsset(c, index);
  };
}
