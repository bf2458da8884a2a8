import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { SESSION_TOKEN_COOKIE, SESSION_TOKEN_HEADER } from "../core/types";
import { hashSessionToken } from "./auth";
import { notSignedIn } from "../core/apiAnswers";
import { answer, apiError, type AppEnv } from "./httpapi";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Signs the request in from Coder's session header or cookie. A state change
 * carried only by the cookie must come from this site's own pages: its Origin
 * has to match the host it was sent to.
 */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const headerToken = c.req.header(SESSION_TOKEN_HEADER);
  const token = headerToken ?? getCookie(c, SESSION_TOKEN_COOKIE);
  if (!token) {
    return answer(c, notSignedIn());
  }
  if (!headerToken && !SAFE_METHODS.has(c.req.method) && !sameOrigin(c.req.header("Origin"), c.req.header("Host"))) {
    return apiError(c, 403, "Cross-site request refused.", {
      detail: "Requests that change data must come from this site, or carry the Coder-Session-Token header.",
    });
  }
  const { store } = c.get("deps");
  const hashedSecret = hashSessionToken(token);
  const row = await store.users.bySession(hashedSecret);
  if (!row) {
    return apiError(c, 401, "Your session has expired.", { detail: "Sign in again." });
  }
  c.set("user", { row, hashedSecret, memberships: await store.organizations.membershipsOf(row.id) });
  await next();
};

export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
