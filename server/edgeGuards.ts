// Guards at the edge of /api that hold in both modes, the embedded backend and
// the CODER_URL proxy: a size limit on every body, sign-in and sign-out only
// from this site's own pages, hop-by-hop headers kept off the next hop, and
// the session cookie marked Secure when the browser reached us over TLS.
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { impossibleEmail, MAX_EMAIL_LENGTH } from "../core/edgeChecks";
import { apiError } from "./httpapi";
import { sameOrigin } from "./session";

export const MAX_BODY_BYTES = 1024 * 1024;

/** 413 for any body over the limit, declared or streamed, before anything reads it whole. */
export const limitBodies = (maxBytes = MAX_BODY_BYTES): MiddlewareHandler =>
  bodyLimit({
    maxSize: maxBytes,
    onError: (c) => apiError(c, 413, "Request body is too large.", { detail: `The limit is ${maxBytes} bytes.` }),
  });

const SIGN_IN_AND_OUT = /^\/api\/(v2\/users\/(login|logout)|app\/session)\/?$/;

/**
 * Sign-in and sign-out from another site's page are refused: a forged sign-in
 * would put the victim in the attacker's account (login CSRF). Browsers say
 * where a request comes from (Origin, Sec-Fetch-Site); clients without a page,
 * which send neither, are let through.
 */
export const refuseCrossSiteSignIn: MiddlewareHandler = async (c, next) => {
  if (!SIGN_IN_AND_OUT.test(c.req.path)) return next();
  const origin = c.req.header("Origin");
  const site = c.req.header("Sec-Fetch-Site");
  const crossSite =
    (origin !== undefined && !sameOrigin(origin, c.req.header("Host"))) ||
    site === "cross-site" ||
    site === "same-site";
  if (c.req.method === "POST" && crossSite) {
    return apiError(c, 403, "Cross-site request refused.", { detail: "Sign in and out from this site's own pages." });
  }
  await next();
};

/** Whether the browser reached us over TLS, through a proxy that ended it. */
const reachedOverTls = (c: Context) =>
  new URL(c.req.url).protocol === "https:" ||
  c.req.header("X-Forwarded-Proto")?.split(",")[0]?.trim().toLowerCase() === "https";

/**
 * Behind a TLS-terminating proxy this server sees plain http, but the browser
 * is on https: its cookies must be Secure, or they would also travel over http.
 */
export const secureCookiesBehindTls: MiddlewareHandler = async (c, next) => {
  await next();
  if (!reachedOverTls(c)) return;
  const cookies = c.res.headers.getSetCookie();
  if (cookies.length === 0) return;
  // In place: a new c.res would get the old Set-Cookie headers merged back.
  c.res.headers.delete("Set-Cookie");
  for (const cookie of cookies)
    c.res.headers.append("Set-Cookie", /;\s*Secure\b/i.test(cookie) ? cookie : `${cookie}; Secure`);
};

// RFC 9110 §7.6.1: meant for one connection only. Expect is answered here
// (Node sends 100 Continue itself); passed on, it makes fetch fail.
const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "upgrade",
  "expect",
];

/** Removes the headers meant for one connection only, and those its Connection header names. */
export function dropHopByHop(headers: Headers): Headers {
  const named = (headers.get("connection") ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  for (const name of [...HOP_BY_HOP, ...named]) headers.delete(name);
  return headers;
}

/** Keeps hop-by-hop headers from crossing the proxy, in either direction. */
export const dropHopByHopHeaders: MiddlewareHandler = async (c, next) => {
  c.req.raw = new Request(c.req.raw, { headers: dropHopByHop(new Headers(c.req.raw.headers)) });
  await next();
  // In place: a new c.res would get the old headers merged back.
  dropHopByHop(c.res.headers);
};

/**
 * A sign-in whose email cannot be an address is refused before it costs a
 * database lookup, a password hash and a rate-limiter entry. The route reads
 * the same parsed body afterwards (Hono keeps it).
 */
export const refuseImpossibleEmails: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== "POST" || !/^\/api\/v2\/users\/login\/?$/.test(c.req.path)) return next();
  let email: unknown;
  try {
    // As text, so that the route's own reading of it gets the text as sent.
    email = (JSON.parse(await c.req.text()) as { email?: unknown } | null)?.email;
  } catch {
    return next();
  }
  if (impossibleEmail(email)) {
    return apiError(c, 400, "Validation failed.", {
      validations: [{ field: "email", detail: `Must be at most ${MAX_EMAIL_LENGTH} characters.` }],
    });
  }
  await next();
};
