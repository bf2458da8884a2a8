import { useQuery } from "@tanstack/react-query";
import { ChartColumn, Settings, UsersRound } from "lucide-react";
import type { FC } from "react";
import { Link, useParams } from "react-router";
import { groupsAISpend } from "../../../api/queries/aiSpend";
import { checkAuthorization } from "../../../api/queries/authCheck";
import { groups } from "../../../api/queries/groups";
import { groupSettingsUrl, groupUrl, spendReportUrl } from "../../../app/urls";
import { usePrefetchOnIntent } from "../../../hooks/usePrefetchOnIntent";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { Avatar } from "../../../components/ui/Avatar";
import { buttonClassName } from "../../../components/ui/Button";
import { EmptyState } from "../../../components/ui/EmptyState";
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeader,
  TableRow,
} from "../../../components/ui/Table";
import { isNotFound } from "../../../api/errors";
import { NotFoundView } from "../../NotFoundPage/NotFoundView";
import { useAIFeatureVisible } from "../../../hooks/useFeatureVisibility";
import { GroupSpendCell, OverBudgetNote, GroupRowsSkeleton } from "./GroupRowParts";

/** The organization's groups, each linking to its page. */
const GroupsPage: FC = () => {
  const { organization = "" } = useParams();
  const prefetchOnIntent = usePrefetchOnIntent();
  const groupsQuery = useQuery(groups(organization));
  const ai = useAIFeatureVisible();
  const groupIds = groupsQuery.data?.map((g) => g.id) ?? [];
  const spendQuery = useQuery({
    ...groupsAISpend(organization, groupIds),
    enabled: Boolean(ai.visible && groupIds.length),
  });
  // Counting members over their limit needs every member's row: for Coder's read set (admins, auditors).
  const organizationId = groupsQuery.data?.[0]?.organization_id ?? "";
  const admin = useQuery({
    ...checkAuthorization({
      checks: {
        readGroups: { object: { resource_type: "group", organization_id: organizationId }, action: "read" },
      },
    }),
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
        {ai.visible && admin.data?.readGroups && (
          <Link to={spendReportUrl(organization)} className={buttonClassName("secondary")}>
            <ChartColumn aria-hidden="true" size={16} />
            AI spend report
          </Link>
        )}
      </header>
      {groupsQuery.error ? (
        <ErrorAlert
          title="Could not load the groups."
          error={groupsQuery.error}
          onRetry={() => void groupsQuery.refetch()}
        />
      ) : groupsQuery.data?.length === 0 ? (
        <EmptyState
          icon={<UsersRound size={32} />}
          title="This organization has no groups yet."
          description={
            <p>Create a group in Coder's dashboard (Deployment → Groups); it will show here with its AI budget.</p>
          }
        />
      ) : (
        <TableContainer>
          <Table
            className="table-responsive"
            aria-busy={loading || undefined}
            aria-label={loading ? "Loading groups" : "Groups"}
          >
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
                          {g.display_name && g.display_name !== g.name && (
                            <span className="member-username">{g.name}</span>
                          )}
                        </span>
                      </span>
                    </TableCell>
                    <TableCell data-label="Members">{g.total_member_count.toLocaleString("en-US")}</TableCell>
                    {ai.visible && (
                      <TableCell data-label="AI budget">
                        <GroupSpendCell
                          group={g}
                          spend={spendQuery.data?.byGroup.get(g.id)}
                          period={spendQuery.data}
                          loading={spendQuery.isLoading}
                        />
                        {admin.data?.readGroups && <OverBudgetNote group={g} />}
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
