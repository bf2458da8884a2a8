import { Hono, type Context } from "hono";
import { setCookie } from "hono/cookie";
import { SESSION_TOKEN_COOKIE, SESSION_TOKEN_SIGN_IN_PATH, type ApiResponse } from "../core/types";
import { apiError, readJson } from "./httpapi";
import { sameOrigin } from "./session";

/** Asks the deployment who a session token belongs to: its answer to `GET /api/v2/users/me`. */
export type WhoIs = (token: string) => Promise<globalThis.Response>;

/** Whether the page was served over https (here, or at a TLS front end that says so). */
export function servedOverHttps(c: Context): boolean {
  const forwarded = c.req.header("X-Forwarded-Proto")?.split(",")[0]?.trim();
  return new URL(c.req.url).protocol === "https:" || forwarded === "https";
}

const TOKEN_PATTERN = /^[\x21-\x7e]{1,256}$/;

/**
 * `POST /api/app/session {session_token}`: for deployments that sign in
 * only through SSO. The token (from `<deployment>/cli-auth`) is checked with
 * the deployment, then kept as this origin's HttpOnly session cookie, the same
 * one a password sign-in sets; the page never holds it afterwards.
 */
export function sessionTokenRoutes(whoIs: WhoIs) {
  const routes = new Hono();
  routes.post(SESSION_TOKEN_SIGN_IN_PATH, async (c) => {
    // A page elsewhere must not sign this browser in to someone else's session.
    if (!sameOrigin(c.req.header("Origin"), c.req.header("Host"))) {
      return apiError(c, 403, "Cross-site request refused.", { detail: "Sign in from this site's own sign-in page." });
    }
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const token = (body.value as { session_token?: unknown } | null)?.session_token;
    if (typeof token !== "string" || !TOKEN_PATTERN.test(token.trim())) {
      return apiError(c, 400, "Validation failed.", {
        validations: [
          { field: "session_token", detail: "Paste the session token shown on the deployment's /cli-auth page." },
        ],
      });
    }
    const answer = await whoIs(token.trim());
    if (answer.status === 401) {
      const reason = (await answer.json().catch(() => undefined)) as ApiResponse | undefined;
      return apiError(c, 401, "This session token was not accepted.", {
        detail: reason?.message ?? "It may have expired: get a new one and paste it again.",
      });
    }
    if (!answer.ok) return answer;
    setCookie(c, SESSION_TOKEN_COOKIE, token.trim(), {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      secure: servedOverHttps(c),
    });
    return c.json(await answer.json());
  });
  return routes;
}
