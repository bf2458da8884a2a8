import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FC } from "react";
import { useParams } from "react-router";
import { groupMembersAISpend, membersSpendFromCache } from "../../api/queries/aiSpend";
import { checkAuthorization } from "../../api/queries/authCheck";
import { group, groups } from "../../api/queries/groups";
import type { ReducedUser } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SpendMeter } from "../../components/SpendMeter";
import { useAIFeatureVisible } from "../../hooks/useFeatureVisibility";
import { governingBudgetText } from "../../utils/budgetImpact";
import { formatPeriod } from "../../utils/budgetPeriod";
import { formatMicrosAsUSD } from "../../utils/currency";
import { OverrideDialog } from "./OverrideDialog";
import { MEMBERS_PAGE_SIZE } from "./spendLimits";

const userAdminCheck = {
  checks: { canUpdateUsers: { object: { resource_type: "user" as const }, action: "update" as const } },
};

/** The group's members, a page at a time so a large group stays quick, with their AI spend. */
const GroupMembersPage: FC = () => {
  const { organization = "", groupName = "" } = useParams();
  const queryClient = useQueryClient();
  const { data } = useQuery(group(organization, groupName));
  const ai = useAIFeatureVisible();
  const [page, setPage] = useState(0);
  const [managing, setManaging] = useState<ReducedUser>();
  // Only needed once a dialog opens: which groups the member is in, and
  // whether this admin may change a member's own budget.
  const groupsQuery = useQuery({ ...groups(organization), enabled: Boolean(managing) });
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
  if (!data) return null;
  const members = data.members;
  const pages = Math.max(1, Math.ceil(members.length / MEMBERS_PAGE_SIZE));
  const shown = members.slice(page * MEMBERS_PAGE_SIZE, (page + 1) * MEMBERS_PAGE_SIZE);
  if (members.length === 0) {
    return <p className="empty">This group has no members yet.</p>;
  }
  const spend = spendQuery.data;
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
            {ai.visible && (
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
                {ai.visible && (
                  <td>
                    {memberSpend ? (
                      <SpendMeter
                        spentMicros={memberSpend.group_spend_micros}
                        limitMicros={memberSpend.effective_budget?.spend_limit_micros ?? null}
                        label={`AI spend of ${member.username}`}
                      />
                    ) : spendQuery.isLoading || updating ? (
                      <span className="member-username">{updating ? "Updating…" : "Loading…"}</span>
                    ) : (
                      "–"
                    )}
                  </td>
                )}
                {ai.visible && (
                  <td>{memberSpend ? governingBudgetText(data.id, data.organization_id, memberSpend, formatMicrosAsUSD) : "–"}</td>
                )}
                {ai.visible && (
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
