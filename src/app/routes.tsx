import type { QueryClient } from "@tanstack/react-query";
import { type LoaderFunctionArgs, type RouteObject, redirect } from "react-router";
import { isUnauthorized } from "../api/errors";
import { me } from "../api/queries/users";
import { Spinner } from "../components/Spinner";
import { landingUrl } from "./landing";
import { prefetchRoute, startRequests } from "./prefetch";
import { RouteError } from "./RouteError";
import { type AppRoute, type Layout, layoutsOf, routeTable, signedIn } from "./routeTable";
import { DEFAULT_ORGANIZATION, groupsUrl, loginUrl } from "./urls";

// React Router's lazy *object* form: with the function form the router must
// load a route's module before running its loader (the module could bring
// one), which chains the data behind the code. This way they load together.
const lazyCode = (load: () => Promise<{ default: React.ComponentType }>) => ({
  Component: async () => (await load()).default,
});

const returnPath = (request: Request) => {
  const url = new URL(request.url);
  return url.pathname + url.search;
};

/**
 * Routes for the data router, all from the route table: each page under the
 * frames it names, nested as the table nests them. Loaders only start
 * requests (prefetchRoute: the route's code, its first requests and its
 * loader's), through the same query options the pages use, so data and code
 * load in parallel and the page shows its own loading state.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const page = (route: AppRoute, within: Layout | undefined): RouteObject => ({
    ...(within && route.path === within.path ? { index: true } : { path: route.path }),
    loader: ({ params }: LoaderFunctionArgs) => {
      prefetchRoute(queryClient, route, params as Record<string, string>);
      return null;
    },
    lazy: lazyCode(route.code),
  });
  /** The pages and frames directly inside `layout`. */
  const inside = (layout: Layout): RouteObject[] => {
    const pages = routeTable.filter((route) => layoutsOf(route).at(-1) === layout);
    const frames = [...new Set(routeTable.flatMap(layoutsOf))].filter((frame) => frame.parent === layout);
    return [
      ...frames.map((frame) => ({ path: frame.path, lazy: lazyCode(frame.code), children: inside(frame) })),
      ...pages.map((route) => page(route, layout)),
    ];
  };
  const outside = routeTable.filter((route) => route.layout === null);
  return [
    ...outside.map((route) => ({ ...page(route, undefined), HydrateFallback: () => <Spinner label="Loading" /> })),
    {
      id: "authenticated",
      errorElement: <RouteError />,
      HydrateFallback: () => <Spinner label="Loading" />,
      lazy: lazyCode(signedIn.code),
      loader: async ({ request, params }: LoaderFunctionArgs) => {
        // The session's first requests; who is signed in is awaited: without a session, to sign in.
        startRequests(queryClient, signedIn.first?.(params as Record<string, string>) ?? []);
        try {
          await queryClient.ensureQueryData(me());
        } catch (error) {
          if (isUnauthorized(error)) throw redirect(loginUrl(returnPath(request)));
          throw error;
        }
        return null;
      },
      children: [
        {
          index: true,
          // Never shown (the loader redirects); said so, or React Router warns of an empty page.
          element: null,
          loader: async () => redirect(await landingUrl(queryClient, groupsUrl(DEFAULT_ORGANIZATION))),
        },
        ...inside(signedIn),
        { path: "*", lazy: lazyCode(() => import("../pages/NotFoundPage/NotFoundPage")) },
      ],
    },
  ];
}
