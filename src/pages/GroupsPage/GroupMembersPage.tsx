import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FC } from "react";
import { useParams } from "react-router";
import { groupMembersAISpend } from "../../api/queries/aiSpend";
import { membersSpendFromCache } from "../../api/queries/cache";
import { checkAuthorization, groupPermissionChecks } from "../../api/queries/authCheck";
import { groups } from "../../api/queries/groups";
import { useGroup } from "../../hooks/useGroup";
import type { ReducedUser } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useAIFeatureVisible } from "../../hooks/useFeatureVisibility";
import { formatPeriod } from "../../utils/budgetPeriod";
import { memberBudgetCell } from "../../domain/budgetRules";
import { MemberBudgetCells } from "./MemberBudgetCells";
import { OverrideDialog } from "./OverrideDialog";
import { MEMBERS_PAGE_SIZE } from "../../api/queries/spendBatches";

const userAdminCheck = {
  checks: { canUpdateUsers: { object: { resource_type: "user" as const }, action: "update" as const } },
};

/** The group's members, a page at a time so a large group stays quick, with their AI spend. */
const GroupMembersPage: FC = () => {
  const { organization = "", groupName = "" } = useParams();
  const queryClient = useQueryClient();
  const { data } = useGroup(organization, groupName);
  const ai = useAIFeatureVisible();
  const [page, setPage] = useState(0);
  const [managing, setManaging] = useState<ReducedUser>();
  // Managing a member's budget is for those who may update the group;
  // changing it, for those who may also update users (asked once a dialog opens).
  const permissions = useQuery({ ...checkAuthorization(groupPermissionChecks(data?.id ?? "")), enabled: Boolean(data && ai.visible) });
  const mayManage = permissions.data?.canUpdateGroup === true;
  const userAdmin = useQuery({ ...checkAuthorization(userAdminCheck), enabled: Boolean(managing) });
  // Only the page on screen: a 10,000-member group is not 100 requests.
  const pageIds = data?.members.slice(page * MEMBERS_PAGE_SIZE, (page + 1) * MEMBERS_PAGE_SIZE).map((m) => m.id) ?? [];
  const spendQuery = useQuery({
    ...groupMembersAISpend(data?.id ?? "", pageIds),
    // The settings page may have read every member already: no need to ask again.
    initialData: () => membersSpendFromCache(queryClient, data?.id ?? "", pageIds)?.data,
    initialDataUpdatedAt: () => membersSpendFromCache(queryClient, data?.id ?? "", pageIds)?.updatedAt,
    enabled: Boolean(data && ai.visible && pageIds.length),
    placeholderData: (previous) => previous,
  });
  const spend = spendQuery.data;
  // The organization's groups: to name the group that governs a member elsewhere, and the groups a dialog offers.
  const governedElsewhere = Boolean(data) && [...(spend?.byUser.values() ?? [])].some((row) => memberBudgetCell(data!, row).kind === "otherGroup");
  const groupsQuery = useQuery({ ...groups(organization), enabled: Boolean(managing) || governedElsewhere });
  const groupNames = groupsQuery.data && new Map(groupsQuery.data.map((g) => [g.id, g]));
  if (!data) return null;
  const members = data.members;
  const pages = Math.max(1, Math.ceil(members.length / MEMBERS_PAGE_SIZE));
  const shown = members.slice(page * MEMBERS_PAGE_SIZE, (page + 1) * MEMBERS_PAGE_SIZE);
  if (members.length === 0) {
    return <p className="empty">This group has no members yet.</p>;
  }
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading" className="visually-hidden">
        Members
      </h2>
      {ai.visible && spend && (
        <p className="period">
          AI budget period: {formatPeriod(spend.period_start, spend.period_end)} (UTC). Spend is approximate and may
          lag by a few minutes.
        </p>
      )}
      {ai.visible && spendQuery.error && (
        <ErrorAlert title="Could not load the members' AI spend." error={spendQuery.error} onRetry={() => void spendQuery.refetch()} />
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            {ai.visible && <th scope="col">AI spend</th>}
            {ai.visible && <th scope="col">Budget group</th>}
            {ai.visible && mayManage && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {shown.map((member) => {
            const updating = spend?.updating?.has(member.id) ?? false;
            const memberSpend = updating ? undefined : spend?.byUser.get(member.id);
            return (
              <tr key={member.id}>
                <td>
                  <span className="member-name">{member.name || member.username}</span>
                  <span className="member-username">{member.username}</span>
                </td>
                <td>{member.email}</td>
                <td>{member.status}</td>
                {ai.visible &&
                  (memberSpend ? (
                    <MemberBudgetCells group={data} username={member.username} row={memberSpend} groupNames={groupNames} period={spend!} />
                  ) : (
                    <>
                      <td>
                        {spendQuery.isLoading || updating ? (
                          <span className="member-username">{updating ? "Updating…" : "Loading…"}</span>
                        ) : (
                          "–"
                        )}
                      </td>
                      <td>–</td>
                    </>
                  ))}
                {ai.visible && mayManage && (
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Manage AI budget of ${member.username}`}
                      onClick={() => setManaging(member)}
                    >
                      Manage AI budget
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {managing && groupsQuery.data && userAdmin.data && (
        <OverrideDialog
          member={managing}
          memberGroups={groupsQuery.data.filter((g) => g.members.some((m) => m.id === managing.id))}
          defaultGroupId={data.id}
          readOnly={!userAdmin.data.canUpdateUsers}
          onClose={() => setManaging(undefined)}
        />
      )}
      {pages > 1 && (
        <nav className="pagination" aria-label="Members pages">
          <button type="button" className="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button type="button" className="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </nav>
      )}
    </section>
  );
};

export default GroupMembersPage;
