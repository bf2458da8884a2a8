import type { Context } from "hono";
import { SESSION_TOKEN_COOKIE, SESSION_TOKEN_HEADER } from "../src/api/types";
import { apiError } from "./httpapi";
import { sameOrigin } from "./session";

const HOP_BY_HOP = ["host", "connection", "keep-alive", "transfer-encoding", "upgrade", "content-length"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const cookieValue = (header: string | undefined, name: string) =>
  header
    ?.split(/;\s*/)
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);

/**
 * Forwards /api to a real Coder deployment. The session cookie set on this
 * origin is passed on as Coder's session header (after the same Origin check
 * the embedded backend makes), and cookies Coder sets are scoped to this origin.
 */
export function proxyToCoder(coderUrl: string) {
  const base = new URL(coderUrl);
  return async (c: Context) => {
    const incoming = new URL(c.req.url);
    const target = new URL(incoming.pathname + incoming.search, base);
    const headers = new Headers(c.req.raw.headers);
    for (const name of HOP_BY_HOP) headers.delete(name);
    const cookieToken = cookieValue(c.req.header("Cookie"), SESSION_TOKEN_COOKIE);
    if (!headers.has(SESSION_TOKEN_HEADER) && cookieToken) {
      if (!SAFE_METHODS.has(c.req.method) && !sameOrigin(c.req.header("Origin"), c.req.header("Host"))) {
        return apiError(c, 403, "Cross-site request refused.");
      }
      headers.set(SESSION_TOKEN_HEADER, cookieToken);
    }
    headers.delete("origin");
    let answer: globalThis.Response;
    try {
      answer = await fetch(target, {
        method: c.req.method,
        headers,
        body: SAFE_METHODS.has(c.req.method) ? undefined : await c.req.arrayBuffer(),
        redirect: "manual",
      });
    } catch (error) {
      return apiError(c, 502, "The Coder deployment could not be reached.", { detail: String(error) });
    }
    const out = new Headers(answer.headers);
    out.delete("content-encoding");
    out.delete("content-length");
    out.delete("set-cookie");
    const secure = incoming.protocol === "https:";
    for (const cookie of answer.headers.getSetCookie()) {
      let local = cookie.replace(/;\s*Domain=[^;]*/i, "");
      if (!secure) local = local.replace(/;\s*Secure/i, "");
      out.append("Set-Cookie", local);
    }
    return new Response(answer.body, { status: answer.status, headers: out });
  };
}
