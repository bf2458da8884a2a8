// The app's pages, each declared once: its URL, its code, the frame it sits
// in, and the requests it needs from its URL alone (its first requests, each
// with the query that makes it). Everything that starts loading a page derives
// from this table: the early requests main.ts sends before any library has
// loaded (startup/earlyStart.ts), the router and its loaders (routes.tsx), and
// the prefetch at boot and on a link's hover (prefetch.ts). Adding a page is
// one entry here and the page's own folder (README, "Adding a page").
//
// It imports no library at run time: main.ts runs it first, in a script of
// about 2 kB. That is also why `matchRoute` below is the app's one URL
// matcher, not React Router's `matchRoutes`: that lives in a 378 kB module
// together with React, which main.ts must not wait for.
import type { QueryClient } from "@tanstack/react-query";
import type { ComponentType } from "react";
import {
  BUILD_INFO_PATH,
  ENTITLEMENTS_PATH,
  groupApiPath,
  groupsApiPath,
  ME_PATH,
  ORGANIZATIONS_PATH,
} from "../../core/paths";
import type * as Queries from "../api/queries";

export type Params = Readonly<Record<string, string>>;
type Code = () => Promise<{ default: ComponentType }>;

/** A GET a page needs from its URL alone. */
export interface FirstRequest {
  /** The API path it GETs: main.ts sends it before the data layer has loaded, and the API client takes that answer. */
  path: string;
  /** The same request through the query options the page itself uses (`queries` is src/api/queries). */
  prefetch: (queryClient: QueryClient, queries: typeof Queries) => Promise<unknown>;
}

/** A page's loader.ts: what it needs once its first requests have answered (by the group's id, say). */
export type Loader = () => Promise<{ default: (queryClient: QueryClient, params: Params) => Promise<void> }>;

/** A frame around pages (the signed-in frame, a group's header and tabs): its code and first requests. */
export interface Layout {
  /** React Router's pattern, whole from the root. */
  path: string;
  code: Code;
  parent?: Layout;
  first?: (params: Params) => FirstRequest[];
}

export interface AppRoute {
  id: string;
  /** React Router's pattern, whole from the root; the same as its layout's for the layout's index page. */
  path: string;
  code: Code;
  /** The frame it sits in: the signed-in frame unless said otherwise (`null`: none, the sign-in page). */
  layout?: Layout | null;
  first?: (params: Params) => FirstRequest[];
  loader?: Loader;
}

/** Who is signed in, what the deployment has and its organizations: every signed-in page's first requests. */
const session = (): FirstRequest[] => [
  { path: ME_PATH, prefetch: (client, q) => client.prefetchQuery(q.me()) },
  { path: ENTITLEMENTS_PATH, prefetch: (client, q) => client.prefetchQuery(q.entitlements()) },
  { path: BUILD_INFO_PATH, prefetch: (client, q) => client.prefetchQuery(q.buildInfo()) },
  // The navigation's organization switcher, on every signed-in page.
  { path: ORGANIZATIONS_PATH, prefetch: (client, q) => client.prefetchQuery(q.organizations()) },
];

/** The signed-in frame: the header, the account menu, the deployment's foot line. */
export const signedIn: Layout = { path: "/", code: () => import("./AppLayout"), first: session };

/** A group's header and tabs, around its Members and Settings pages: they all need the group by its name. */
export const groupLayout: Layout = {
  path: "/organizations/:organization/groups/:groupName",
  code: () => import("../pages/GroupsPage/GroupLayout/GroupLayout"),
  parent: signedIn,
  first: ({ organization = "", groupName = "" }) => [
    {
      path: groupApiPath(organization, groupName),
      prefetch: (client, q) => q.prefetchGroup(client, organization, groupName),
    },
  ],
};

export const routeTable: readonly AppRoute[] = [
  { id: "login", path: "/login", layout: null, code: () => import("../pages/LoginPage/LoginPage") },
  { id: "mySpend", path: "/ai-spend", code: () => import("../pages/MyAISpendPage/MyAISpendPage") },
  {
    id: "groups",
    path: "/organizations/:organization/groups",
    code: () => import("../pages/GroupsPage/GroupsList/GroupsListPage"),
    first: ({ organization = "" }) => [
      { path: groupsApiPath(organization), prefetch: (client, q) => client.prefetchQuery(q.groups(organization)) },
    ],
  },
  {
    id: "groupMembers",
    path: groupLayout.path,
    layout: groupLayout,
    code: () => import("../pages/GroupsPage/GroupMembers/GroupMembersPage"),
    loader: () => import("../pages/GroupsPage/GroupMembers/loader"),
  },
  {
    id: "groupSettings",
    path: `${groupLayout.path}/settings`,
    layout: groupLayout,
    code: () => import("../pages/GroupsPage/GroupSettings/GroupSettingsPage"),
    loader: () => import("../pages/GroupsPage/GroupSettings/loader"),
  },
  {
    id: "groupHistory",
    path: `${groupLayout.path}/history`,
    layout: groupLayout,
    code: () => import("../pages/GroupsPage/GroupHistory/GroupHistoryPage"),
  },
  {
    id: "spendReport",
    path: "/organizations/:organization/ai-spend",
    // Its own chunk, Papa Parse with it: no other page loads them.
    code: () => import("../pages/SpendReportPage/SpendReportPage"),
  },
];

/** The frames `route` sits in, outermost first. */
export function layoutsOf(route: AppRoute): Layout[] {
  const chain: Layout[] = [];
  let layout: Layout | null | undefined = route.layout === undefined ? signedIn : route.layout;
  for (; layout; layout = layout.parent) chain.unshift(layout);
  return chain;
}

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/**
 * The route at `pathname` and its parameters, decoded as the router decodes
 * them; undefined for any other path. A trailing slash is allowed.
 */
export function matchRoute(pathname: string): { route: AppRoute; params: Params } | undefined {
  const segments = pathname.replace(/\/$/, "").split("/").slice(1).map(decode);
  if (segments.some((s) => s === undefined || s === "")) return undefined;
  for (const route of routeTable) {
    const pattern = route.path.split("/").slice(1);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      if (!part.startsWith(":")) return part === segments[i];
      params[part.slice(1)] = segments[i]!;
      return true;
    });
    if (matches) return { route, params };
  }
  return undefined;
}

/** A route's first requests: its frames' (the session's first), then its own. */
export const routeFirstRequests = (route: AppRoute, params: Params): FirstRequest[] => [
  ...layoutsOf(route).flatMap((layout) => layout.first?.(params) ?? []),
  ...(route.first?.(params) ?? []),
];

/** The first requests of the page at `pathname`: any path not in the table is a signed-in page too. */
export function firstRequests(pathname: string): FirstRequest[] {
  const match = matchRoute(pathname);
  return match ? routeFirstRequests(match.route, match.params) : session();
}
