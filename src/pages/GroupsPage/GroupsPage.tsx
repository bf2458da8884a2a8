import { useQuery } from "@tanstack/react-query";
import type { FC } from "react";
import { Link, useParams } from "react-router";
import { groupOverBudgetCount, groupsAISpend, type GroupsSpend } from "../../api/queries/aiSpend";
import { checkAuthorization } from "../../api/queries/authCheck";
import { groups } from "../../api/queries/groups";
import type { Group, GroupAISpend } from "../../api/types";
import { groupSettingsUrl, groupUrl, spendReportUrl } from "../../app/urls";
import { usePrefetchOnIntent } from "../../hooks/usePrefetchOnIntent";
import { ErrorAlert } from "../../components/ErrorAlert";
import { ForecastNote } from "../../components/ForecastNote";
import { SpendMeter } from "../../components/SpendMeter";
import { Spinner } from "../../components/Spinner";
import { useAIFeatureVisible } from "../../hooks/useFeatureVisibility";

/**
 * The spend charged to the group this month against the limit of the members
 * it governs, as the server works it out (overrides charged here at their own
 * limit; members another group governs add nothing).
 */
const GroupSpendCell: FC<{ group: Group; spend: GroupAISpend | undefined; period: GroupsSpend | undefined; loading: boolean }> = ({
  group,
  spend,
  period,
  loading,
}) => {
  if (!spend || !period) return <>{loading ? "Loading…" : "–"}</>;
  return (
    <>
      <SpendMeter
        spentMicros={spend.current_spend_micros}
        limitMicros={spend.total_spend_limit_micros}
        label={`AI spend of ${group.display_name || group.name} this month`}
      />
      <ForecastNote
        spentMicros={spend.current_spend_micros}
        limitMicros={spend.total_spend_limit_micros}
        periodStart={period.period_start}
        periodEnd={period.period_end}
      />
    </>
  );
};

/**
 * "2 members over their limit", by Coder's rule; read for those who see every
 * member's row. Every group with members is asked: an override charged to a
 * group without a budget of its own can still be reached.
 */
const OverBudgetNote: FC<{ group: Group }> = ({ group }) => {
  const memberIds = group.members.map((m) => m.id);
  const { data } = useQuery({ ...groupOverBudgetCount(group.id, memberIds), enabled: memberIds.length > 0 });
  if (!data) return null;
  return (
    <span className="spend-status over-budget">
      {data.toLocaleString("en-US")} {data === 1 ? "member" : "members"} over their limit
    </span>
  );
};

/** The organization's groups, each linking to its page. */
const GroupsPage: FC = () => {
  const { organization = "" } = useParams();
  const prefetchOnIntent = usePrefetchOnIntent();
  const groupsQuery = useQuery(groups(organization));
  const ai = useAIFeatureVisible();
  const groupIds = groupsQuery.data?.map((g) => g.id) ?? [];
  const spendQuery = useQuery({ ...groupsAISpend(organization, groupIds), enabled: Boolean(ai.visible && groupIds.length) });
  // Counting members over their limit needs every member's row: only for those who administer the groups.
  const organizationId = groupsQuery.data?.[0]?.organization_id ?? "";
  const admin = useQuery({
    ...checkAuthorization({ checks: { updateGroups: { object: { resource_type: "group", organization_id: organizationId }, action: "update" } } }),
    enabled: Boolean(ai.visible && organizationId),
  });
  return (
    <div className="page">
      <header className="page-header">
        <h1>Groups</h1>
        {ai.visible && admin.data?.updateGroups && (
          <Link to={spendReportUrl(organization)}>AI spend report</Link>
        )}
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
              {ai.visible && <th scope="col">AI budget</th>}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {groupsQuery.data.map((g) => (
              <tr key={g.id}>
                <td>
                  <Link
                    to={groupUrl(organization, g.name)}
                    {...prefetchOnIntent(groupUrl(organization, g.name))}
                  >
                    {g.display_name || g.name}
                  </Link>
                </td>
                <td>{g.total_member_count.toLocaleString("en-US")}</td>
                {ai.visible && (
                  <td>
                    <GroupSpendCell group={g} spend={spendQuery.data?.byGroup.get(g.id)} period={spendQuery.data} loading={spendQuery.isLoading} />
                    {admin.data?.updateGroups && <OverBudgetNote group={g} />}
                  </td>
                )}
                <td>
                  <Link
                    to={groupSettingsUrl(organization, g.name)}
                    aria-label={`Settings of ${g.display_name || g.name}`}
                    {...prefetchOnIntent(groupSettingsUrl(organization, g.name))}
                  >
                    Settings
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};

export default GroupsPage;
