import type { Context, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ApiAnswer, resourceNotFound as notFound, unreadableBody } from "../core/apiAnswers";
import type { ApiResponse, ValidationError } from "../core/types";
import {
  hostilePathProblem,
  hostileQueryProblems,
  INVALID_PATH_MESSAGE,
  INVALID_QUERY_MESSAGE,
  unstorableTextIn,
} from "../core/edgeChecks";
import { parseRequestJson } from "../core/exactJson";
import type { Store, UserRow } from "./db/store";
import type { SignInLimiter } from "./rateLimit";

export interface Deps {
  store: Store;
  aiEntitled: boolean;
  /** AI Gateway's data retention window: usage older than this is out of the export and the report (unset: kept). */
  aiRetentionMs?: number;
  loginLimiter: SignInLimiter;
  /** Proxies in front of this server whose X-Forwarded-For is believed (TRUSTED_PROXY_HOPS). */
  trustedProxyHops: number;
}

export interface SessionUser {
  row: UserRow;
  hashedSecret: string;
  memberships: { organization_id: string; roles: string[] }[];
}

export type AppEnv = {
  Bindings: { incoming?: { socket?: { remoteAddress?: string } } };
  Variables: { deps: Deps; user: SessionUser };
};
export type AppContext = Context<AppEnv>;

export const apiError = (
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  extra: { detail?: string; validations?: ValidationError[] } = {},
) => c.json<ApiResponse>({ message, ...extra }, status);

/**
 * The client's address: the socket's peer, or, behind `trustedProxyHops`
 * proxies (a load balancer), the address the farthest of them saw, from the
 * end of X-Forwarded-For; what a client writes further left is not believed.
 */
export function clientAddress(c: AppContext): string {
  const peer = c.env?.incoming?.socket?.remoteAddress ?? "unknown";
  const hops = c.get("deps").trustedProxyHops;
  if (hops <= 0) return peer;
  const forwarded = (c.req.header("X-Forwarded-For") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - hops] ?? forwarded[0] ?? peer;
}

/** One of the answers both backends give (core/apiAnswers.ts), sent with Hono. */
export const answer = (c: Context, { status, body, headers }: ApiAnswer<unknown>) =>
  c.json(body, status as ContentfulStatusCode, headers);

export const resourceNotFound = (c: Context) => answer(c, notFound());

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The JSON body, or the 400 to answer for a body that is not JSON or holds text no database column can take. */
export async function readJson(
  c: Context,
): Promise<{ ok: true; value: unknown } | { ok: false; response: globalThis.Response }> {
  let value: unknown;
  try {
    // From the text: JSON.parse alone would round 1.0, 1e3 and -0 into whole numbers (core/exactJson.ts).
    value = parseRequestJson(await c.req.text());
  } catch {
    return { ok: false, response: answer(c, unreadableBody()) };
  }
  const unstorable = unstorableTextIn(value);
  if (unstorable) {
    return { ok: false, response: answer(c, unreadableBody(unstorable)) };
  }
  return { ok: true, value };
}

/**
 * A path that does not decode, or that holds control characters or text that
 * cannot be stored, names nothing: 400 before any route sees it.
 */
export const refuseHostilePaths: MiddlewareHandler = async (c, next) => {
  const problem = hostilePathProblem(new URL(c.req.url).pathname);
  if (problem) return apiError(c, 400, INVALID_PATH_MESSAGE, { detail: problem });
  await next();
};

/** A query parameter holding a NUL would fail in the database: 400 before any route reads it. */
export const refuseHostileQueries: MiddlewareHandler = async (c, next) => {
  const problems = hostileQueryProblems(new URL(c.req.url).search);
  if (problems.length > 0) return apiError(c, 400, INVALID_QUERY_MESSAGE, { validations: problems });
  await next();
};
