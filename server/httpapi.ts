import type { Context, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Response as ApiResponse, ValidationError } from "../core/types";
import { parseRequestJson } from "../core/exactJson";
import { hostilePathProblem, INVALID_PATH_MESSAGE, unstorableTextIn } from "../core/validation";
import type { Store, UserRow } from "./db/store";
import type { SignInLimiter } from "./rateLimit";

export interface Faults {
  /** Makes every budget PUT/DELETE answer this, for tests of partial failure. */
  budgetWrite?: { status: ContentfulStatusCode; message: string };
  /** Holds every budget PUT/DELETE this long before it touches the database. */
  budgetWriteDelayMs?: number;
}

export interface Deps {
  store: Store;
  aiEntitled: boolean;
  loginLimiter: SignInLimiter;
  /** Proxies in front of this server whose X-Forwarded-For is believed (TRUSTED_PROXY_HOPS). */
  trustedProxyHops: number;
  /** Present only in the test build of the server. */
  faults?: Faults;
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

export const resourceNotFound = (c: Context) =>
  apiError(c, 404, "Resource not found or you do not have access to this resource");

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
    return {
      ok: false,
      response: apiError(c, 400, "Request body must be valid JSON.", { detail: "The body could not be parsed." }),
    };
  }
  const unstorable = unstorableTextIn(value);
  if (unstorable) {
    return {
      ok: false,
      response: apiError(c, 400, "Request body holds text that cannot be stored.", {
        detail: `${unstorable} contains a NUL character or a lone surrogate.`,
      }),
    };
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
