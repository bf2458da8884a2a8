// The app's pages, each declared once: its URL, its code, and the requests it
// needs from its URL alone (the first wave). Everything that starts a page's
// loading derives from this table: the early requests main.ts sends before
// any library has loaded (startup/earlyStart.ts), the router's loaders
// (routes.tsx), the prefetch on a link's hover and at boot (prefetch.ts).
// It imports no library: main.ts runs it first.
import type { ComponentType } from "react";
import { BUILD_INFO_PATH, ENTITLEMENTS_PATH, groupApiPath, groupsApiPath, ME_PATH } from "../../core/paths";

/** A GET a page needs from its URL alone, named by the query that makes it. */
export type FirstRequest =
  | { query: "me" }
  | { query: "entitlements" }
  | { query: "buildInfo" }
  | { query: "groups"; organization: string }
  | { query: "groupByName"; organization: string; groupName: string };

export type Params = Readonly<Record<string, string>>;
type Page = () => Promise<{ default: ComponentType }>;

export interface AppRoute {
  id: "login" | "mySpend" | "groups" | "groupMembers" | "groupSettings" | "groupHistory" | "spendReport";
  /** React Router's pattern, whole from the root. */
  path: string;
  /** Its code: the frames it sits in, outermost first, then the page. */
  pages: readonly Page[];
  /** Its first wave beyond the session's; the sign-in page has none at all. */
  first: (params: Params) => FirstRequest[];
}

export const appLayout: Page = () => import("./AppLayout");
/** The group's header and tabs, around its Members and Settings pages. */
export const groupLayout: Page = () => import("../pages/GroupsPage/GroupLayout/GroupPage");
export const GROUP_LAYOUT_PATH = "/organizations/:organization/groups/:groupName";

const groupByName = (params: Params): FirstRequest[] => [
  { query: "groupByName", organization: params.organization ?? "", groupName: params.groupName ?? "" },
];

export const routeTable: readonly AppRoute[] = [
  { id: "login", path: "/login", pages: [() => import("../pages/LoginPage/LoginPage")], first: () => [] },
  { id: "mySpend", path: "/ai-spend", pages: [() => import("../pages/MyAISpendPage/MyAISpendPage")], first: () => [] },
  {
    id: "groups",
    path: "/organizations/:organization/groups",
    pages: [() => import("../pages/GroupsPage/GroupsList/GroupsPage")],
    first: (params) => [{ query: "groups", organization: params.organization ?? "" }],
  },
  {
    id: "groupMembers",
    path: GROUP_LAYOUT_PATH,
    pages: [groupLayout, () => import("../pages/GroupsPage/GroupMembers/GroupMembersPage")],
    first: groupByName,
  },
  {
    id: "groupSettings",
    path: `${GROUP_LAYOUT_PATH}/settings`,
    pages: [groupLayout, () => import("../pages/GroupsPage/GroupSettings/GroupSettingsPage")],
    first: groupByName,
  },
  {
    id: "groupHistory",
    path: `${GROUP_LAYOUT_PATH}/history`,
    pages: [groupLayout, () => import("../pages/GroupsPage/GroupHistory/GroupHistoryPage")],
    first: groupByName,
  },
  {
    id: "spendReport",
    path: "/organizations/:organization/ai-spend",
    // Its own chunk, Papa Parse with it: no other page loads them.
    pages: [() => import("../pages/SpendReportPage/SpendReportPage")],
    first: () => [],
  },
];

export const routeById = (id: AppRoute["id"]): AppRoute => routeTable.find((route) => route.id === id)!;

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

/** Who is signed in and what the deployment has: every signed-in page's first wave. */
const SESSION: FirstRequest[] = [{ query: "me" }, { query: "entitlements" }, { query: "buildInfo" }];

/** A route's whole first wave: a signed-in page's starts with the session's. */
export const routeFirstWave = (route: AppRoute, params: Params): FirstRequest[] =>
  route.id === "login" ? [] : [...SESSION, ...route.first(params)];

/** The first wave of the page at `pathname`: any path not in the table is a signed-in page too. */
export function firstRequests(pathname: string): FirstRequest[] {
  const match = matchRoute(pathname);
  return match ? routeFirstWave(match.route, match.params) : SESSION;
}

/** The API path a first request GETs, exactly as the API client asks for it. */
export function firstRequestPath(request: FirstRequest): string {
  switch (request.query) {
    case "me":
      return ME_PATH;
    case "entitlements":
      return ENTITLEMENTS_PATH;
    case "buildInfo":
      return BUILD_INFO_PATH;
    case "groups":
      return groupsApiPath(request.organization);
    case "groupByName":
      return groupApiPath(request.organization, request.groupName);
  }
}
