// The embedded backend's routes as its own router holds them, so that what
// walks every route (the route fuzzer) needs no hand-kept copy of the list.
import type { Hono } from "hono";
import { createApi } from "./app";
import type { AppEnv, Deps } from "./httpapi";
import { embeddedRoutes } from "./server";

export interface RouteEntry {
  method: string;
  /** Hono's pattern: `/api/v2/groups/:group/ai/budget`. */
  path: string;
}

/**
 * The endpoints of an app: its routes without the middleware, which Hono
 * lists as `ALL`, on a wildcard (`/api/v2/*`) or on a path that endpoints
 * of their own methods answer.
 */
export function routeTable(app: Hono<AppEnv> | Hono): RouteEntry[] {
  const answered = new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => r.path));
  const seen = new Set<string>();
  const table: RouteEntry[] = [];
  for (const { method, path } of app.routes) {
    if (method === "ALL" && (path.endsWith("*") || answered.has(path))) continue;
    const key = `${method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    table.push({ method, path });
  }
  return table;
}

/**
 * The table of a server process started elsewhere (the attack suite's): the
 * same routes built without a database, since listing them serves no request.
 */
export function embeddedRouteTable(): RouteEntry[] {
  const unused = new Proxy({} as Deps, {
    get: () => {
      throw new Error("the route table serves no request");
    },
  });
  return routeTable(embeddedRoutes(createApi({ deps: unused })));
}
