import type { Context, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ApiAnswer, resourceNotFound as notFound, unreadableBody } from "../core/apiAnswers";
import type { ApiResponse, ValidationError } from "../core/types";
import { hostilePathProblem, INVALID_PATH_MESSAGE, unstorableTextIn } from "../core/edgeChecks";
import type { Store, UserRow } from "./db/store";
import type { LoginRateLimiter } from "./rateLimit";

export interface Deps {
  store: Store;
  aiEntitled: boolean;
  /** AI Gateway's data retention window: usage older than this is out of the export and the report (unset: kept). */
  aiRetentionMs?: number;
  loginLimiter: LoginRateLimiter;
}

export interface SessionUser {
  row: UserRow;
  hashedSecret: string;
  memberships: { organization_id: string; roles: string[] }[];
}

export type AppEnv = { Variables: { deps: Deps; user: SessionUser } };
export type AppContext = Context<AppEnv>;

export const apiError = (
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  extra: { detail?: string; validations?: ValidationError[] } = {},
) => c.json<ApiResponse>({ message, ...extra }, status);

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
    value = await c.req.json();
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
