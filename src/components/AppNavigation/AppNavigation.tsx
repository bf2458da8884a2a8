import { useQuery } from "@tanstack/react-query";
import type { FC } from "react";
import { NavLink, useMatches } from "react-router";
import { organizations as organizationsQuery } from "../../api/queries/organizations";
import { me } from "../../api/queries/users";
import { DEFAULT_ORGANIZATION, groupsUrl, MY_AI_SPEND_URL, spendReportUrl } from "../../app/urls";
import { useAIFeatureVisible } from "../../hooks/useFeatureVisibility";
import { currentOrganization, mayReadSpendReport } from "./navigationTargets";
import { OrganizationSwitcher } from "./OrganizationSwitcher";

const linkClassName = ({ isActive }: { isActive: boolean }) =>
  [
    "rounded-md px-2.5 py-1.5 text-sm font-medium no-underline whitespace-nowrap",
    "hover:bg-surface-secondary focus-visible:outline-2 focus-visible:outline-content-link",
    isActive ? "bg-surface-secondary text-content-primary" : "text-content-secondary",
  ].join(" ");

/**
 * The app's navigation on every signed-in screen: Groups and the AI spend
 * report of the organization in view, My AI spend, and the organization
 * switcher when the viewer sees more than one. The current page is marked
 * (`aria-current="page"`, as NavLink sets it).
 */
export const AppNavigation: FC = () => {
  // The deepest match holds every parameter of the URL, the organization among them.
  const deepest = useMatches().at(-1);
  const page = { organization: deepest?.params.organization, pathname: deepest?.pathname ?? "" };
  const { data: user } = useQuery(me());
  const { data: organizations } = useQuery(organizationsQuery());
  const ai = useAIFeatureVisible();
  const organization = currentOrganization(page, organizations, DEFAULT_ORGANIZATION);
  const organizationId = organizations?.find((o) => o.name === organization)?.id;
  const report = Boolean(ai.visible && user && organizationId && mayReadSpendReport(user, organizationId));
  return (
    <nav aria-label="Main" className="flex min-w-0 flex-wrap items-center gap-1">
      {organizations && organizations.length > 1 && user && (
        <OrganizationSwitcher
          organizations={organizations}
          current={organization}
          page={page}
          reportReadable={(id) => Boolean(ai.visible) && mayReadSpendReport(user, id)}
        />
      )}
      <NavLink to={groupsUrl(organization)} className={linkClassName}>
        Groups
      </NavLink>
      {report && (
        <NavLink to={spendReportUrl(organization)} className={linkClassName}>
          AI spend report
        </NavLink>
      )}
      {ai.visible && (
        <NavLink to={MY_AI_SPEND_URL} end className={linkClassName}>
          My AI spend
        </NavLink>
      )}
    </nav>
  );
};
