// Where the navigation's links go: the organization the URL names, the same
// kind of screen in another organization, and who may read the spend report.
// Pure, so the switcher's rules are tested without rendering.
import { canUpdateGroup, type Viewer } from "../../../core/domain/permissions";
import type { Organization, User } from "../../../core/types";
import { matchRoute } from "../../app/routeTable";
import { groupsUrl, spendReportUrl } from "../../app/urls";

/** The organization the page's URL names, if it names one. */
export const organizationInPath = (pathname: string): string | undefined => matchRoute(pathname)?.params.organization;

/**
 * The organization the navigation works in: the URL's, else the first the
 * viewer may read (the list comes default first), else the app's default.
 */
export function currentOrganization(
  pathname: string,
  organizations: readonly Organization[] | undefined,
  fallback: string,
): string {
  return organizationInPath(pathname) ?? organizations?.[0]?.name ?? fallback;
}

export type ScreenKind = "groups" | "spendReport";

/** The kind of screen at `pathname` that has a counterpart in every organization: a group's pages count as the groups list. */
export const screenKind = (pathname: string): ScreenKind =>
  matchRoute(pathname)?.route.id === "spendReport" ? "spendReport" : "groups";

export const screenUrl = (kind: ScreenKind, organization: string) =>
  kind === "spendReport" ? spendReportUrl(organization) : groupsUrl(organization);

/** The signed-in user as Coder's role rules see them, from `GET /users/me`'s roles. */
export function viewerOfUser(user: User): Viewer {
  return {
    id: user.id,
    siteRoles: user.roles.filter((r) => !r.organization_id).map((r) => r.name),
    memberships: user.organization_ids.map((organizationId) => ({
      organization_id: organizationId,
      roles: user.roles.filter((r) => r.organization_id === organizationId).map((r) => r.name),
    })),
  };
}

/** The AI spend report reads the organization's group members: its admins, Owners and User Admins. */
export const mayReadSpendReport = (user: User, organizationId: string): boolean =>
  canUpdateGroup(viewerOfUser(user), organizationId);
