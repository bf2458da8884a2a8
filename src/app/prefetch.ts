// Everything a page needs, started at once, from its entry in the route
// table: by the boot code for the page the app opens on, by the route loaders
// at navigation time, and by links on hover or focus. Each goes through the
// same query options the pages use, so nothing is fetched twice.
import type { QueryClient } from "@tanstack/react-query";
import * as queries from "../api/queries";
import {
  type AppRoute,
  type FirstRequest,
  firstRequests,
  layoutsOf,
  matchRoute,
  type Params,
  routeFirstRequests,
} from "./routeTable";

const quietly = (work: Promise<unknown>) => void work.catch(() => undefined);

/** Starts each request through its query options; their answers are main.ts's early ones where it sent them. */
export function startRequests(queryClient: QueryClient, requests: FirstRequest[]): void {
  for (const request of requests) quietly(request.prefetch(queryClient, queries));
}

/** A route's code (its frames' too) and its data: its first requests, then its loader's. */
export function prefetchRoute(queryClient: QueryClient, route: AppRoute, params: Params): void {
  for (const layout of layoutsOf(route)) quietly(layout.code());
  quietly(route.code());
  startRequests(queryClient, routeFirstRequests(route, params));
  if (route.loader) quietly(route.loader().then((loader) => loader.default(queryClient, params)));
}

/**
 * What the page at `pathname` needs: at boot (the router would otherwise
 * load the routes' code before calling their loaders), and on a link's hover
 * or focus. Loaders call the same functions later; nothing is fetched twice.
 */
export function prefetchLocation(queryClient: QueryClient, pathname: string): void {
  const match = matchRoute(pathname);
  if (match) prefetchRoute(queryClient, match.route, match.params);
  else startRequests(queryClient, firstRequests(pathname));
}
