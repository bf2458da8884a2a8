import type { QueryClient } from "@tanstack/react-query";
import { redirect, type LoaderFunctionArgs, type RouteObject } from "react-router";
import { isUnauthorized } from "../api/errors";
import { checkAuthorization, groupPermissionChecks } from "../api/queries/authCheck";
import { entitlements } from "../api/queries/entitlements";
import { cachedGroupId, group, groupAIBudget, groups } from "../api/queries/groups";
import { me } from "../api/queries/users";
import { AI_FEATURE } from "../api/types";
import { isFeatureVisible } from "../hooks/useFeatureVisibility";
import { Spinner } from "../components/Spinner";
import { RouteError } from "./RouteError";

export const DEFAULT_ORGANIZATION = import.meta.env.VITE_DEFAULT_ORGANIZATION ?? "coder";

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const loginPath = (returnTo: string) =>
  `/login?redirect=${encodeURIComponent(returnTo)}`;

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
  const prefetch = (options: Parameters<QueryClient["prefetchQuery"]>[0]) =>
    void queryClient.prefetchQuery(options);

  // Needs the group's id: from the cache at once, else after the group loads.
  const prefetchGroupDetails = async (organization: string, groupName: string) => {
    const id =
      cachedGroupId(queryClient, organization, groupName) ??
      (await queryClient.ensureQueryData(group(organization, groupName)).catch(() => undefined))?.id;
    if (!id) return;
    prefetch(checkAuthorization(groupPermissionChecks(id)));
    const features = await queryClient.ensureQueryData(entitlements()).catch(() => undefined);
    if (isFeatureVisible(features, AI_FEATURE)) prefetch(groupAIBudget(id));
  };

  return [
    { path: "/login", lazy: page(() => import("../pages/LoginPage/LoginPage")) },
    {
      id: "authenticated",
      errorElement: <RouteError />,
      HydrateFallback: () => <Spinner label="Loading" />,
      lazy: page(() => import("./AppLayout")),
      loader: async ({ request }: LoaderFunctionArgs) => {
        prefetch(entitlements());
        try {
          await queryClient.ensureQueryData(me());
        } catch (error) {
          if (isUnauthorized(error)) throw redirect(loginPath(returnPath(request)));
          throw error;
        }
        return null;
      },
      children: [
        { index: true, loader: () => redirect(`/organizations/${DEFAULT_ORGANIZATION}/groups`) },
        {
          path: "/organizations/:organization/groups",
          loader: ({ params }: LoaderFunctionArgs) => {
            prefetch(groups(params.organization ?? ""));
            return null;
          },
          lazy: page(() => import("../pages/GroupsPage/GroupsPage")),
        },
        {
          path: "/organizations/:organization/groups/:groupName",
          loader: ({ params }: LoaderFunctionArgs) => {
            prefetch(group(params.organization ?? "", params.groupName ?? ""));
            return null;
          },
          lazy: page(() => import("../pages/GroupsPage/GroupPage")),
          children: [
            { index: true, lazy: page(() => import("../pages/GroupsPage/GroupMembersPage")) },
            {
              path: "settings",
              loader: ({ params }: LoaderFunctionArgs) => {
                void prefetchGroupDetails(params.organization ?? "", params.groupName ?? "");
                return null;
              },
              lazy: page(() => import("../pages/GroupsPage/GroupSettingsPage")),
            },
          ],
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
