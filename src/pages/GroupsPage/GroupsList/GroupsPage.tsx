import { useQuery } from "@tanstack/react-query";
import { ChartColumn, Settings, UsersRound } from "lucide-react";
import type { FC } from "react";
import { Link, useParams } from "react-router";
import { groupOverBudgetCount, groupsAISpend, type GroupsSpend } from "../../../api/queries/aiSpend";
import { checkAuthorization } from "../../../api/queries/authCheck";
import { groups } from "../../../api/queries/groups";
import type { Group, GroupAISpend } from "../../../api/types";
import { groupSettingsUrl, groupUrl, spendReportUrl } from "../../../app/urls";
import { usePrefetchOnIntent } from "../../../hooks/usePrefetchOnIntent";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { ForecastNote } from "../../../components/ForecastNote";
import { Avatar } from "../../../components/ui/Avatar";
import { Badge } from "../../../components/ui/Badge";
import { buttonClassName } from "../../../components/ui/Button";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Skeleton } from "../../../components/ui/Skeleton";
import { SpendMeter } from "../../../components/ui/SpendMeter";
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeader, TableRow } from "../../../components/ui/Table";
import { isNotFound } from "../../../api/errors";
import { NotFoundView } from "../../NotFoundPage/NotFoundView";
import { useAIFeatureVisible } from "../../../hooks/useFeatureVisibility";

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
  if (!spend || !period) {
    return loading ? (
      <span className="skeleton-stack">
        <Skeleton width="9rem" height="0.9rem" />
        <Skeleton width="9rem" height="0.375rem" />
        <span className="visually-hidden">Loading…</span>
      </span>
    ) : (
      <>–</>
    );
  }
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
    <Badge variant="error" className="over-budget">
      {data.toLocaleString("en-US")} {data === 1 ? "member" : "members"} over their limit
    </Badge>
  );
};

/** Rows the shape of the groups to come, under the real header, so nothing moves when they arrive. */
const GroupRowsSkeleton: FC<{ ai: boolean }> = ({ ai }) => (
  <>
    {[0, 1, 2].map((row) => (
      <TableRow key={row}>
        <TableCell>
          <span className="member-cell">
            <Skeleton width="2.25rem" height="2.25rem" round />
            <Skeleton width="8rem" />
          </span>
        </TableCell>
        <TableCell data-label="Members">
          <Skeleton width="2rem" />
        </TableCell>
        {ai && (
          <TableCell data-label="AI budget">
            <span className="skeleton-stack">
              <Skeleton width="9rem" height="0.9rem" />
              <Skeleton width="9rem" height="0.375rem" />
            </span>
          </TableCell>
        )}
        <TableCell className="cell-actions">
          <Skeleton width="5.5rem" height="1.75rem" />
        </TableCell>
      </TableRow>
    ))}
  </>
);

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
  if (groupsQuery.error && isNotFound(groupsQuery.error)) {
    return (
      <NotFoundView
        title="Organization not found"
        description={`There is no organization named “${organization}”, or you are not a member of it.`}
        backTo="/"
        backLabel="Back to the start"
      />
    );
  }
  const loading = !groupsQuery.data && !groupsQuery.error;
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Groups</h1>
          <p className="page-subtitle">Each group's members, and the AI spend charged to it this month.</p>
        </div>
        {ai.visible && admin.data?.updateGroups && (
          <Link to={spendReportUrl(organization)} className={buttonClassName("secondary")}>
            <ChartColumn aria-hidden="true" size={16} />
            AI spend report
          </Link>
        )}
      </header>
      {groupsQuery.error ? (
        <ErrorAlert title="Could not load the groups." error={groupsQuery.error} onRetry={() => void groupsQuery.refetch()} />
      ) : groupsQuery.data?.length === 0 ? (
        <EmptyState
          icon={<UsersRound size={32} />}
          title="This organization has no groups yet."
          description={<p>Create a group in Coder's dashboard (Deployment → Groups); it will show here with its AI budget.</p>}
        />
      ) : (
        <TableContainer>
          <Table className="table-responsive" aria-busy={loading || undefined} aria-label={loading ? "Loading groups" : "Groups"}>
            <TableHeader>
              <TableRow>
                <TableHead>Group</TableHead>
                <TableHead>Members</TableHead>
                {ai.visible && <TableHead>AI budget</TableHead>}
                <TableHead className="cell-actions">
                  <span className="visually-hidden">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {!groupsQuery.data ? (
                <GroupRowsSkeleton ai={Boolean(ai.visible)} />
              ) : (
                groupsQuery.data.map((g) => (
                  <TableRow key={g.id}>
                    <TableCell>
                      <span className="member-cell">
                        <Avatar name={g.display_name || g.name} src={g.avatar_url || undefined} />
                        <span>
                          <Link
                            to={groupUrl(organization, g.name)}
                            className="member-name"
                            {...prefetchOnIntent(groupUrl(organization, g.name))}
                          >
                            {g.display_name || g.name}
                          </Link>
                          {g.display_name && g.display_name !== g.name && <span className="member-username">{g.name}</span>}
                        </span>
                      </span>
                    </TableCell>
                    <TableCell data-label="Members">{g.total_member_count.toLocaleString("en-US")}</TableCell>
                    {ai.visible && (
                      <TableCell data-label="AI budget">
                        <GroupSpendCell group={g} spend={spendQuery.data?.byGroup.get(g.id)} period={spendQuery.data} loading={spendQuery.isLoading} />
                        {admin.data?.updateGroups && <OverBudgetNote group={g} />}
                      </TableCell>
                    )}
                    <TableCell className="cell-actions">
                      <Link
                        to={groupSettingsUrl(organization, g.name)}
                        aria-label={`Settings of ${g.display_name || g.name}`}
                        className={buttonClassName("secondary", "small")}
                        {...prefetchOnIntent(groupSettingsUrl(organization, g.name))}
                      >
                        <Settings aria-hidden="true" size={14} />
                        Settings
                      </Link>
                    </TableCell>
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </div>
  );
};

export default GroupsPage;
