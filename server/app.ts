import { Hono, type Context } from "hono";
import { ROUTE_NOT_FOUND_MESSAGE } from "../core/types";
import { isDiskFull, isOutOfResources } from "./db/rows";
import { limitBodies, MAX_BODY_BYTES, refuseCrossSiteSignIn, refuseImpossibleEmails } from "./edgeGuards";
import { apiError, refuseHostilePaths, refuseHostileQueries, type AppEnv, type Deps } from "./httpapi";
import { auditRoutes } from "./routes/audit";
import { authRoutes } from "./routes/auth";
import { buildInfoRoutes } from "./routes/buildinfo";
import { authCheckRoutes } from "./routes/authcheck";
import { entitlementRoutes } from "./routes/entitlements";
import { groupAIBudgetRoutes } from "./routes/groupAIBudgets";
import { aiSpendRoutes } from "./routes/aiSpend";
import { aiSpendExportRoutes } from "./routes/aiSpendExport";
import { aiSpendGroupRoutes } from "./routes/aiSpendGroups";
import { groupRoutes } from "./routes/groups";
import { organizationRoutes } from "./routes/organizations";
import { organizationMemberRoutes } from "./routes/organizationMembers";
import { userAIBudgetOverrideRoutes } from "./routes/userAIBudgetOverrides";
import { usageRoutes } from "./routes/usage";
import { userRoutes } from "./routes/users";
import { requireSession } from "./session";

export { MAX_BODY_BYTES };

export const DISK_FULL_MESSAGE = "The server's disk is full: this change was not saved.";
export const OUT_OF_RESOURCES_MESSAGE = "The server's database is out of resources: this change was not saved.";

/** Coder's answer to a path under /api that no route takes: JSON, never the app's page. */
export const routeNotFound = (c: Context) =>
  apiError(c, 404, ROUTE_NOT_FOUND_MESSAGE, { detail: `${c.req.method} ${c.req.path}` });

export interface ApiOptions {
  deps: Deps;
  /** Added to every API answer, to measure the UI over a slow link. */
  latencyMs?: number;
  /** Mounts more ahead of the routes; only the test build passes it (its fault switch, testFaults.ts). */
  extend?: (api: Hono<AppEnv>) => void;
}

/** Coder's API under /api/v2, as the embedded backend serves it. */
export function createApi({ deps, latencyMs = 0, extend }: ApiOptions): Hono<AppEnv> {
  const api = new Hono<AppEnv>().basePath("/api/v2");

  api.use(async (c, next) => {
    c.set("deps", deps);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    await next();
    c.header("Cache-Control", "no-store");
  });
  api.use(limitBodies(MAX_BODY_BYTES));
  api.use(refuseCrossSiteSignIn, refuseImpossibleEmails);
  api.use(refuseHostilePaths, refuseHostileQueries);
  api.onError((error, c) => {
    console.error(error);
    // Not the client's fault and not a crash: the database refused to store
    // anything, so nothing is acknowledged; the same request can succeed later.
    if (isOutOfResources(error)) {
      c.header("Retry-After", "60");
      return apiError(c, 503, isDiskFull(error) ? DISK_FULL_MESSAGE : OUT_OF_RESOURCES_MESSAGE, {
        detail: "Nothing was changed. Try again once the server has room.",
      });
    }
    return apiError(c, 500, "An internal error occurred.", { detail: "The server could not complete the request." });
  });
  api.notFound(routeNotFound);

  api.route("/", authRoutes());
  api.route("/", buildInfoRoutes());
  extend?.(api);

  api.use(requireSession);
  api.route("/", userRoutes());
  api.route("/", entitlementRoutes());
  api.route("/", authCheckRoutes());
  api.route("/", groupRoutes());
  api.route("/", organizationRoutes());
  api.route("/", organizationMemberRoutes());
  api.route("/", groupAIBudgetRoutes());
  api.route("/", aiSpendRoutes());
  api.route("/", aiSpendGroupRoutes());
  api.route("/", aiSpendExportRoutes());
  api.route("/", usageRoutes());
  api.route("/", userAIBudgetOverrideRoutes());
  api.route("/", auditRoutes());
  return api;
}
