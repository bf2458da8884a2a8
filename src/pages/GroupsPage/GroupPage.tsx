import type { FC } from "react";
import { Link, NavLink, Outlet, useParams } from "react-router";
import { isNotFound } from "../../api/errors";
import { useGroup } from "../../hooks/useGroup";
import { groupSettingsUrl, groupsUrl, groupUrl } from "../../app/urls";
import { usePrefetchOnIntent } from "../../hooks/usePrefetchOnIntent";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";

/** The group's header and its Members / Settings tabs. */
const GroupPage: FC = () => {
  const { organization = "", groupName = "" } = useParams();
  const prefetchOnIntent = usePrefetchOnIntent();
  const groupQuery = useGroup(organization, groupName);
  const base = groupsUrl(organization);

  if (groupQuery.error) {
    return isNotFound(groupQuery.error) ? (
      <div className="page">
        <h1>Group not found</h1>
        <p>
          There is no group named “{groupName}” here, or you may not see it.{" "}
          <Link to={base}>Back to groups</Link>
        </p>
      </div>
    ) : (
      <div className="page">
        <ErrorAlert title="Could not load the group." error={groupQuery.error} onRetry={() => void groupQuery.refetch()} />
      </div>
    );
  }
  const data = groupQuery.data;
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={base}>Groups</Link> <span aria-hidden="true">/</span>{" "}
        <span aria-current="page">{data?.display_name || groupName}</span>
      </nav>
      <header className="page-header">
        <h1>{data ? data.display_name || data.name : groupName}</h1>
        {data && (
          <p className="page-subtitle">
            {data.name} · {data.total_member_count.toLocaleString("en-US")}{" "}
            {data.total_member_count === 1 ? "member" : "members"}
          </p>
        )}
      </header>
      <nav aria-label="Group sections" className="tabs">
        <NavLink
          to={groupUrl(organization, groupName)}
          end
          className="tab"
          {...prefetchOnIntent(groupUrl(organization, groupName))}
        >
          Members
        </NavLink>
        <NavLink
          to={groupSettingsUrl(organization, groupName)}
          className="tab"
          {...prefetchOnIntent(groupSettingsUrl(organization, groupName))}
        >
          Settings
        </NavLink>
      </nav>
      <main className="tab-panel">{data ? <Outlet /> : <Spinner label="Loading group" />}</main>
    </div>
  );
};

export default GroupPage;
