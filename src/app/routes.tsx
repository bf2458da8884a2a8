import type { QueryClient } from "@tanstack/react-query";
import { redirect, type LoaderFunctionArgs, type RouteObject } from "react-router";
import { isUnauthorized } from "../api/errors";
import { buildInfo } from "../api/queries/deployment";
import { entitlements } from "../api/queries/entitlements";
import { me } from "../api/queries/users";
import { Spinner } from "../components/Spinner";
import {
  loadGroupMembersPage,
  loadGroupPage,
  loadGroupSettingsPage,
  prefetchGroupLayout,
  prefetchGroupPage,
  prefetchGroups,
  prefetchGroupSettings,
} from "./prefetch";
import { landingPath } from "./landing";
import { loginPath } from "./locations";
import { RouteError } from "./RouteError";

export const DEFAULT_ORGANIZATION = import.meta.env.VITE_DEFAULT_ORGANIZATION ?? "coder";

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
 * Routes for the data router. Loaders only start requests, through the same
 * query options the pages use, so data and code load in parallel and the page
 * shows its own loading state.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    { path: "/login", HydrateFallback: () => <Spinner label="Loading" />, lazy: page(() => import("../pages/LoginPage/LoginPage")) },
    {
      id: "authenticated",
      errorElement: <RouteError />,
      HydrateFallback: () => <Spinner label="Loading" />,
      lazy: page(() => import("./AppLayout")),
      loader: async ({ request }: LoaderFunctionArgs) => {
        void queryClient.prefetchQuery(entitlements());
        void queryClient.prefetchQuery(buildInfo());
        try {
          await queryClient.ensureQueryData(me());
        } catch (error) {
          if (isUnauthorized(error)) throw redirect(loginPath(returnPath(request)));
          throw error;
        }
        return null;
      },
      children: [
        {
          index: true,
          // Never shown (the loader redirects); said so, or React Router warns of an empty page.
          element: null,
          loader: async () => redirect(await landingPath(queryClient, `/organizations/${DEFAULT_ORGANIZATION}/groups`)),
        },
        {
          path: "/ai-spend",
          lazy: page(() => import("../pages/MyAISpendPage/MyAISpendPage")),
        },
        {
          path: "/organizations/:organization/groups",
          loader: ({ params }: LoaderFunctionArgs) => {
            prefetchGroups(queryClient, params.organization ?? "");
            return null;
          },
          lazy: page(() => import("../pages/GroupsPage/GroupsPage")),
        },
        {
          path: "/organizations/:organization/groups/:groupName",
          loader: ({ params }: LoaderFunctionArgs) => {
            void prefetchGroupLayout(queryClient, params.organization ?? "", params.groupName ?? "");
            return null;
          },
          lazy: page(loadGroupPage),
          children: [
            {
              index: true,
              loader: ({ params }: LoaderFunctionArgs) => {
                prefetchGroupPage(queryClient, params.organization ?? "", params.groupName ?? "");
                return null;
              },
              lazy: page(loadGroupMembersPage),
            },
            {
              path: "settings",
              loader: ({ params }: LoaderFunctionArgs) => {
                prefetchGroupSettings(queryClient, params.organization ?? "", params.groupName ?? "");
                return null;
              },
              lazy: page(loadGroupSettingsPage),
            },
          ],
        },
        {
          path: "/organizations/:organization/ai-spend",
          // Its own chunk, Papa Parse with it: no other page loads them.
          lazy: page(() => import("../pages/SpendReportPage/SpendReportPage")),
        },
        { path: "*", Component: NotFound },
      ],
    },
  ];
}

function NotFound() {
  return (
    <div className="page">
      <h1>Page not found</h1>
    </div>
  );
}
