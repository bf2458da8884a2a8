// The test build's fault switch, mounted from outside the server's own code
// (testServer.ts passes it to createApi): POST /api/v2/__test/faults sets
// faults for budget writes, which e2e tests use for partial failure and for
// a server killed in the middle of a write. The real build has none of this.
import type { Hono, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { apiError, type AppEnv } from "./httpapi";

export interface Faults {
  /** Makes every budget PUT/DELETE answer this, for tests of partial failure. */
  budgetWrite?: { status: ContentfulStatusCode; message: string };
  /** Holds every budget PUT/DELETE this long before it touches the database. */
  budgetWriteDelayMs?: number;
}

const BUDGET_PATH = /^\/api\/v2\/groups\/[^/]+\/ai\/budget$/;

/** Mounts the switch and the faults it sets, ahead of every route of `api`. */
export function mountFaultSwitch(api: Hono<AppEnv>, faults: Faults = {}): void {
  const faulty: MiddlewareHandler<AppEnv> = async (c, next) => {
    if ((c.req.method === "PUT" || c.req.method === "DELETE") && BUDGET_PATH.test(c.req.path)) {
      const { budgetWriteDelayMs, budgetWrite } = faults;
      if (budgetWriteDelayMs) await new Promise((resolve) => setTimeout(resolve, budgetWriteDelayMs));
      if (budgetWrite) return apiError(c, budgetWrite.status, budgetWrite.message);
    }
    await next();
  };
  api.post("/__test/faults", async (c) => {
    const next = (await c.req.json()) as Faults;
    for (const key of Object.keys(faults) as (keyof Faults)[]) delete faults[key];
    Object.assign(faults, next);
    return c.json(faults);
  });
  api.use(faulty);
}
