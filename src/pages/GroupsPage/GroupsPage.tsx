import { useQuery } from "@tanstack/react-query";
import type { FC } from "react";
import { Link, useParams } from "react-router";
import { groups } from "../../api/queries/groups";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";

/** The organization's groups, each linking to its page. */
const GroupsPage: FC = () => {
  const { organization = "" } = useParams();
  const groupsQuery = useQuery(groups(organization));
  return (
    <div className="page">
      <header className="page-header">
        <h1>Groups</h1>
      </header>
      {groupsQuery.error ? (
        <ErrorAlert title="Could not load the groups." error={groupsQuery.error} onRetry={() => void groupsQuery.refetch()} />
      ) : !groupsQuery.data ? (
        <Spinner label="Loading groups" />
      ) : groupsQuery.data.length === 0 ? (
        <p className="empty">This organization has no groups yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Members</th>
            </tr>
          </thead>
          <tbody>
            {groupsQuery.data.map((g) => (
              <tr key={g.id}>
                <td>
                  <Link to={`/organizations/${encodeURIComponent(organization)}/groups/${encodeURIComponent(g.name)}`}>
                    {g.display_name || g.name}
                  </Link>
                </td>
                <td>{g.total_member_count.toLocaleString("en-US")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};

export default GroupsPage;
