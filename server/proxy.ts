import type { Context } from "hono";
import {
  HOST_PREFIXED_SESSION_TOKEN_COOKIE,
  SESSION_TOKEN_COOKIE,
  SESSION_TOKEN_HEADER,
  type ApiResponse,
} from "../core/types";
import { AI_BUDGETS_MIN_VERSION_TEXT, versionHasAIBudgets } from "../core/buildInfo";
import { dropHopByHop } from "./edgeGuards";
import { apiError } from "./httpapi";
import { sameOrigin } from "./session";
import { servedOverHttps, type WhoIs } from "./sessionToken";

const HOP_BY_HOP = ["host", "connection", "keep-alive", "transfer-encoding", "upgrade", "content-length"];
/** How long the deployment may take to start answering before the proxy gives up with 504. */
export const UPSTREAM_TIMEOUT_MS = 60_000;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Coder's session cookie under either name (CODER_HOST_PREFIX_COOKIE adds the prefix). */
const SESSION_COOKIES = [SESSION_TOKEN_COOKIE, HOST_PREFIXED_SESSION_TOKEN_COOKIE];

/** Node's codes for a certificate the TLS client would not trust. */
const CERTIFICATE_ERRORS = new Set([
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);

function parseCookies(header: string | undefined): [string, string][] {
  return (header ?? "")
    .split(/;\s*/)
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf("=");
      return at < 0 ? [part, ""] : [part.slice(0, at), part.slice(at + 1)];
    });
}

/** The deployment's address for `pathname`, under CODER_URL's own path (https://host/coder). */
export function upstreamUrl(coderUrl: string, pathname: string, search = ""): URL {
  const base = new URL(coderUrl);
  return new URL(`${base.origin}${base.pathname.replace(/\/+$/, "")}${pathname}${search}`);
}

/** What failed when nothing came back, in words an admin can act on. */
export function describeUnreachable(coderUrl: string, error: unknown): ApiResponse {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  const reason = [code, cause?.message ?? (error instanceof Error ? error.message : String(error))]
    .filter(Boolean)
    .join(": ");
  if (code && CERTIFICATE_ERRORS.has(code)) {
    return {
      message: `The certificate of the Coder deployment at ${coderUrl} was refused.`,
      detail: `${reason}. If a private certificate authority signed it, start this app with NODE_EXTRA_CA_CERTS=/path/to/ca.pem.`,
    };
  }
  return {
    message: `The Coder deployment at ${coderUrl} could not be reached.`,
    detail: `${reason}. Check CODER_URL and that this machine can reach it.`,
  };
}

const notCoder = (coderUrl: string, why: string): ApiResponse => ({
  message: `The server at ${coderUrl} does not look like a Coder deployment.`,
  detail: `${why} Check CODER_URL.`,
});

const isJson = (contentType: string | null) => /\bjson\b/i.test(contentType ?? "");

/**
 * A Set-Cookie from the deployment, made to work on this origin: no Domain;
 * over plain http no Secure, and no __Host- / __Secure- prefix (a browser
 * drops such a cookie without Secure), so `__Host-coder_session_token` is
 * kept as `coder_session_token` there. Over https both are kept.
 */
export function localCookie(cookie: string, secure: boolean): string {
  let local = cookie.replace(/;\s*Domain=[^;]*/i, "");
  if (!secure) local = local.replace(/;\s*Secure(?=;|$)/i, "").replace(/^__(Host|Secure)-/, "");
  return local;
}

function expiredSessionCookies(secure: boolean): string[] {
  const expired = (name: string) => `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  return secure ? SESSION_COOKIES.map(expired) : [expired(SESSION_TOKEN_COOKIE)];
}

/**
 * Forwards /api to a real Coder deployment. The session cookie set on this
 * origin (under either of Coder's names) goes on as Coder's session header,
 * after the same Origin check the embedded backend makes; the deployment gets
 * the header and no session cookie, which is what its CSRF check lets
 * through. Cookies the deployment sets are scoped to this origin.
 */
export function proxyToCoder(coderUrl: string) {
  return async (c: Context) => {
    const incoming = new URL(c.req.url);
    const target = upstreamUrl(coderUrl, incoming.pathname, incoming.search);
    const headers = new Headers(c.req.raw.headers);
    for (const name of HOP_BY_HOP) headers.delete(name);
    const cookies = parseCookies(c.req.header("Cookie"));
    const cookieToken = cookies.find(([name]) => SESSION_COOKIES.includes(name))?.[1];
    if (!headers.has(SESSION_TOKEN_HEADER) && cookieToken) {
      if (!SAFE_METHODS.has(c.req.method) && !sameOrigin(c.req.header("Origin"), c.req.header("Host"))) {
        return apiError(c, 403, "Cross-site request refused.");
      }
      headers.set(SESSION_TOKEN_HEADER, cookieToken);
    }
    const others = cookies.filter(([name]) => !SESSION_COOKIES.includes(name));
    if (others.length > 0) headers.set("Cookie", others.map(([name, value]) => `${name}=${value}`).join("; "));
    else headers.delete("cookie");
    headers.delete("origin");
    let answer: globalThis.Response;
    try {
      answer = await fetch(target, {
        method: c.req.method,
        headers,
        body: SAFE_METHODS.has(c.req.method) ? undefined : await c.req.arrayBuffer(),
        redirect: "manual",
        // The client gone, the deployment's socket goes too: a deployment that
        // never answers held one open for ~300 s after each client aborted.
        signal: AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(UPSTREAM_TIMEOUT_MS)]),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === "TimeoutError") {
        return c.json({ message: `The Coder deployment at ${coderUrl} did not answer in time.` }, 504);
      }
      return c.json(describeUnreachable(coderUrl, error), 502);
    }
    const contentType = answer.headers.get("content-type");
    // Coder answers API errors in JSON (a few in plain text); a page of HTML is someone else.
    if (answer.status >= 400 && (contentType === null || /\btext\/html\b/i.test(contentType))) {
      await answer.body?.cancel();
      return c.json(
        notCoder(
          coderUrl,
          `It answered ${c.req.method} ${incoming.pathname} with ${answer.status} (${contentType ?? "no content type"}).`,
        ),
        502,
      );
    }
    let body: BodyInit | null = answer.body;
    if (incoming.pathname === "/api/v2/buildinfo" && answer.ok) {
      const text = await answer.text();
      const version = (() => {
        try {
          return (JSON.parse(text) as { version?: unknown }).version;
        } catch {
          return undefined;
        }
      })();
      if (typeof version !== "string")
        return c.json(notCoder(coderUrl, "Its /api/v2/buildinfo names no version."), 502);
      body = text;
    }
    const out = new Headers(answer.headers);
    out.delete("content-encoding");
    out.delete("content-length");
    out.delete("transfer-encoding");
    // Before "connection" goes: the headers it names are the upstream hop's too.
    dropHopByHop(out);
    out.delete("set-cookie");
    const secure = servedOverHttps(c);
    for (const cookie of answer.headers.getSetCookie()) out.append("Set-Cookie", localCookie(cookie, secure));
    // Signed out on the deployment (or the session was already gone there): gone here too.
    if (incoming.pathname === "/api/v2/users/logout" && (answer.ok || answer.status === 401)) {
      for (const cookie of expiredSessionCookies(secure)) out.append("Set-Cookie", cookie);
    }
    return new Response(body, { status: answer.status, headers: out });
  };
}

/** The session-token check, asked of the deployment. */
export function whoIsAtCoder(coderUrl: string): WhoIs {
  return async (token) => {
    try {
      const answer = await fetch(upstreamUrl(coderUrl, "/api/v2/users/me"), {
        headers: { [SESSION_TOKEN_HEADER]: token, Accept: "application/json" },
        redirect: "manual",
      });
      if (!isJson(answer.headers.get("content-type"))) {
        return Response.json(notCoder(coderUrl, `It answered /api/v2/users/me with ${answer.status}.`), {
          status: 502,
        });
      }
      return answer;
    } catch (error) {
      return Response.json(describeUnreachable(coderUrl, error), { status: 502 });
    }
  };
}

/** One line for the console at start-up: which deployment answers at CODER_URL, or what is wrong. */
export async function describeDeployment(coderUrl: string): Promise<string> {
  let answer: globalThis.Response;
  try {
    answer = await fetch(upstreamUrl(coderUrl, "/api/v2/buildinfo"), {
      headers: { Accept: "application/json" },
      redirect: "manual",
    });
  } catch (error) {
    const problem = describeUnreachable(coderUrl, error);
    return `Warning: ${problem.message} ${problem.detail}`;
  }
  const info = (await answer.json().catch(() => undefined)) as
    | { version?: unknown; external_url?: unknown }
    | undefined;
  if (!answer.ok || typeof info?.version !== "string") {
    const problem = notCoder(coderUrl, `Its /api/v2/buildinfo answered ${answer.status} without a version.`);
    return `Warning: ${problem.message} ${problem.detail}`;
  }
  const where = typeof info.external_url === "string" && info.external_url ? info.external_url : coderUrl;
  const needs = versionHasAIBudgets(info.version)
    ? ""
    : ` AI budgets need Coder ${AI_BUDGETS_MIN_VERSION_TEXT} or later.`;
  return `Connected to Coder ${info.version} at ${where}.${needs}`;
}
