import { History, Settings, Users } from "lucide-react";
import type { FC } from "react";
import { Link, NavLink, Outlet, useParams } from "react-router";
import { isNotFound } from "../../../api/errors";
import { useGroup } from "../../../hooks/useGroup";
import { groupHistoryUrl, groupSettingsUrl, groupsUrl, groupUrl } from "../../../app/urls";
import { usePrefetchOnIntent } from "../../../hooks/usePrefetchOnIntent";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { Avatar, avatarRowClassName } from "../../../components/ui/Avatar";
import { Skeleton, SkeletonStack } from "../../../components/ui/Skeleton";
import { NotFoundView } from "../../NotFoundPage/NotFoundView";
import { GroupHeaderSpend } from "./GroupHeaderSpend";
import { cx } from "../../../components/ui/cx";
import { Page, PageHeader, PageSubtitle } from "../../../components/ui/Page";
import { tabClassName, tabListClassName } from "../../../components/ui/Tabs";

/** The tab panel's place while the group loads: the shape of a members table, not a blank. */
const TabPanelSkeleton: FC = () => (
  <SkeletonStack role="status" aria-label="Loading group">
    <Skeleton width="24rem" height="1rem" />
    {[0, 1, 2, 3].map((row) => (
      <span key={row} className={cx(avatarRowClassName, "py-3")}>
        <Skeleton width="2.25rem" height="2.25rem" round />
        <Skeleton width="40%" />
      </span>
    ))}
  </SkeletonStack>
);

/**
 * The group's header and its Members / Settings tabs. The tabs are links in a
 * nav, not Radix tabs: each is a page with its own URL (and its own data).
 */
const GroupLayout: FC = () => {
  const { organization = "", groupName = "" } = useParams();
  const prefetchOnIntent = usePrefetchOnIntent();
  const groupQuery = useGroup(organization, groupName);
  const base = groupsUrl(organization);

  if (groupQuery.error) {
    return isNotFound(groupQuery.error) ? (
      <NotFoundView
        title="Group not found"
        description={`There is no group named “${groupName}” here, or you may not see it.`}
        backTo={base}
        backLabel="Back to groups"
      />
    ) : (
      <Page>
        <ErrorAlert
          title="Could not load the group."
          error={groupQuery.error}
          onRetry={() => void groupQuery.refetch()}
        />
      </Page>
    );
  }
  const data = groupQuery.data;
  const title = data ? data.display_name || data.name : groupName;
  return (
    <Page>
      <nav aria-label="Breadcrumb" className="mb-3 text-content-secondary [&_a]:underline [&_a]:underline-offset-2">
        <Link to={base}>Groups</Link> <span aria-hidden="true">/</span>{" "}
        <span aria-current="page">{data?.display_name || groupName}</span>
      </nav>
      <PageHeader>
        <div className={avatarRowClassName}>
          <Avatar name={title} src={data?.avatar_url || undefined} />
          <div>
            <h1>{title}</h1>
            <PageSubtitle>
              {data ? (
                <>
                  {data.name} · {data.total_member_count.toLocaleString("en-US")}{" "}
                  {data.total_member_count === 1 ? "member" : "members"}
                </>
              ) : (
                <Skeleton width="10rem" />
              )}
            </PageSubtitle>
            {data && <GroupHeaderSpend organization={organization} groupId={data.id} groupName={title} />}
          </div>
        </div>
      </PageHeader>
      <nav aria-label="Group sections" className={tabListClassName}>
        <NavLink
          to={groupUrl(organization, groupName)}
          end
          className={tabClassName}
          {...prefetchOnIntent(groupUrl(organization, groupName))}
        >
          <Users aria-hidden="true" size={16} />
          Members
        </NavLink>
        <NavLink
          to={groupSettingsUrl(organization, groupName)}
          className={tabClassName}
          {...prefetchOnIntent(groupSettingsUrl(organization, groupName))}
        >
          <Settings aria-hidden="true" size={16} />
          Settings
        </NavLink>
        <NavLink to={groupHistoryUrl(organization, groupName)} className={tabClassName}>
          <History aria-hidden="true" size={16} />
          History
        </NavLink>
      </nav>
      <main>{data ? <Outlet /> : <TabPanelSkeleton />}</main>
    </Page>
  );
};

export default GroupLayout;
