import type { QueryClient } from "@tanstack/react-query";
import { redirect, type LoaderFunctionArgs, type RouteObject } from "react-router";
import { isUnauthorized } from "../api/errors";
import { buildInfo } from "../api/queries/deployment";
import { entitlements } from "../api/queries/entitlements";
import { me } from "../api/queries/users";
import { Spinner } from "../components/Spinner";
import { landingUrl } from "./landing";
import { prefetchRoute } from "./prefetch";
import { RouteError } from "./RouteError";
import { appLayout, GROUP_LAYOUT_PATH, groupLayout, routeById, type AppRoute } from "./routeTable";
import { DEFAULT_ORGANIZATION, groupsUrl, loginUrl } from "./urls";

// React Router's lazy *object* form: with the function form the router must
// load a route's module before running its loader (the module could bring
// one), which chains the data behind the code. This way they load together.
const page = (load: () => Promise<{ default: React.ComponentType }>) => ({
  Component: async () => (await load()).default,
});

const returnPath = (request: Request) => {
  const url = new URL(request.url);
  return url.pathname + url.search;
};

/**
 * Routes for the data router, from the route table. Loaders only start
 * requests (prefetchRoute: the route's code, its first wave and its second),
 * through the same query options the pages use, so data and code load in
 * parallel and the page shows its own loading state.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  /** A table route as the router sees it, at `path` (relative where nested). */
  const route = (id: AppRoute["id"], path?: string): RouteObject => {
    const entry = routeById(id);
    return {
      ...(path === undefined ? { index: true } : { path }),
      loader: ({ params }: LoaderFunctionArgs) => {
        prefetchRoute(queryClient, entry, params as Record<string, string>);
        return null;
      },
      lazy: page(entry.pages[entry.pages.length - 1]!),
    };
  };
  return [
    { ...route("login", "/login"), loader: undefined, HydrateFallback: () => <Spinner label="Loading" /> },
    {
      id: "authenticated",
      errorElement: <RouteError />,
      HydrateFallback: () => <Spinner label="Loading" />,
      lazy: page(appLayout),
      loader: async ({ request }: LoaderFunctionArgs) => {
        void queryClient.prefetchQuery(entitlements());
        void queryClient.prefetchQuery(buildInfo());
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
        route("mySpend", routeById("mySpend").path),
        route("groups", routeById("groups").path),
        {
          path: GROUP_LAYOUT_PATH,
          lazy: page(groupLayout),
          children: [route("groupMembers"), route("groupSettings", "settings"), route("groupHistory", "history")],
        },
        route("spendReport", routeById("spendReport").path),
        { path: "*", lazy: page(() => import("../pages/NotFoundPage/NotFoundPage")) },
      ],
    },
  ];
}
