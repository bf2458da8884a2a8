// Where the navigation's links go: the organization the URL names, the same
// kind of screen in another organization, and who may read the spend report.
// Pure, so the switcher's rules are tested without rendering.
import { canReadGroupsOf, type Viewer } from "../../../core/domain/permissions";
import type { Organization, User } from "../../../core/types";
import { groupsUrl, spendReportUrl } from "../../app/urls";

/** Where the page is, as the router matched it: the organization its URL names, if any. */
export interface PageInView {
  organization: string | undefined;
  pathname: string;
}

/**
 * The organization the navigation works in: the URL's, else the first the
 * viewer may read (the list comes default first), else the app's default.
 */
export function currentOrganization(
  page: PageInView,
  organizations: readonly Organization[] | undefined,
  fallback: string,
): string {
  return page.organization ?? organizations?.[0]?.name ?? fallback;
}

export type ScreenKind = "groups" | "spendReport";

/** The kind of screen in view that every organization has: a group's pages count as the groups list. */
export const screenKind = (page: PageInView): ScreenKind =>
  page.organization !== undefined && page.pathname.replace(/\/$/, "") === spendReportUrl(page.organization)
    ? "spendReport"
    : "groups";

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

/**
 * The AI spend report is read by whoever may read the organization's spend export: Coder's read set
 * (Owners, User Admins, Auditors, Template Admins, and the organization's admins and auditors).
 */
export const mayReadSpendReport = (user: User, organizationId: string): boolean =>
  canReadGroupsOf(viewerOfUser(user), organizationId);
