import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { lazy, Suspense, useState, type FC } from "react";
import { Link, useParams } from "react-router";
import { groupMembersAISpend } from "../../../api/queries/aiSpend";
import { membersSpendFromCache } from "../../../api/queries/cache";
import { checkAuthorization, groupPermissionChecks } from "../../../api/queries/authCheck";
import { groups } from "../../../api/queries/groups";
import { useGroup } from "../../../hooks/useGroup";
import type { ReducedUser } from "../../../../core/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { Button } from "../../../components/ui/Button";
import { Callout } from "../../../components/ui/Callout";
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
import { useAIFeatureVisible } from "../../../hooks/useFeatureVisibility";
import { formatPeriod } from "../../../../core/budgetPeriod";
import { memberBudgetCell } from "../../../../core/domain/budgetRules";
import { MemberBudgetCells } from "./MemberBudgetCells";
import { overrideSummary } from "./overrideSummary";
import { MEMBERS_PAGE_SIZE } from "../../../api/queries/spendBatches";
import { MemberCell, SpendPlaceholder } from "./MemberRowParts";

// The dialog (and Radix's Dialog with it) loads when a member's budget is first managed, not with the page.
const OverrideDialog = lazy(async () => ({ default: (await import("./OverrideDialog")).OverrideDialog }));
// The row actions (Radix's menu) load only for those who may manage members.
const MemberRowActions = lazy(() => import("./MemberRowActions"));

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
  const permissions = useQuery({
    ...checkAuthorization(groupPermissionChecks(data?.id ?? "")),
    enabled: Boolean(data && ai.visible),
  });
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
  const governedElsewhere =
    Boolean(data) &&
    [...(spend?.byUser.values() ?? [])].some((row) => memberBudgetCell(data!, row).kind === "otherGroup");
  const groupsQuery = useQuery({ ...groups(organization), enabled: Boolean(managing) || governedElsewhere });
  const groupNames = groupsQuery.data && new Map(groupsQuery.data.map((g) => [g.id, g]));
  if (!data) return null;
  const members = data.members;
  const pages = Math.max(1, Math.ceil(members.length / MEMBERS_PAGE_SIZE));
  const shown = members.slice(page * MEMBERS_PAGE_SIZE, (page + 1) * MEMBERS_PAGE_SIZE);
  if (members.length === 0) {
    return (
      <EmptyState
        icon={<Users size={32} />}
        title="This group has no members yet."
        description={
          <p>
            Members are added to a group in Coder's dashboard or synced from your identity provider; their AI spend will
            show here.
          </p>
        }
      />
    );
  }
  const managingRow = managing && spend?.byUser.get(managing.id);
  // Everyone on screen falls to the Everyone group, unlimited: say so once, and where to set a budget.
  const shownRows = shown.map((m) => spend?.byUser.get(m.id));
  const noBudgetAnywhere =
    ai.visible &&
    shownRows.length > 0 &&
    shownRows.every((row) => row !== undefined && memberBudgetCell(data, row).kind === "unallocated");
  const showActions = ai.visible && mayManage;
  return (
    <section aria-labelledby="members-heading" aria-busy={ai.visible && spendQuery.isLoading ? true : undefined}>
      <h2 id="members-heading" className="visually-hidden">
        Members
      </h2>
      {ai.visible && spend && (
        <p className="period">
          AI budget period: {formatPeriod(spend.period_start, spend.period_end)} (UTC). Spend is approximate and may lag
          by a few minutes.
        </p>
      )}
      {noBudgetAnywhere && (
        <Callout severity="info" title="No AI budget applies to these members.">
          <p>
            Neither this group nor any other group of theirs sets one, so their AI spend is unlimited.
            {mayManage && (
              <>
                {" "}
                Set a monthly budget per member in <Link to="settings">this group's settings</Link>.
              </>
            )}
          </p>
        </Callout>
      )}
      {ai.visible && spendQuery.error && (
        <ErrorAlert
          title="Could not load the members' AI spend."
          error={spendQuery.error}
          onRetry={() => void spendQuery.refetch()}
        />
      )}
      <TableContainer>
        <Table className="table-responsive">
          <TableHeader>
            <TableRow>
              <TableHead>User</TableHead>
              <TableHead data-priority="low">Email</TableHead>
              {ai.visible && <TableHead>AI spend</TableHead>}
              {ai.visible && <TableHead>Budget</TableHead>}
              {showActions && (
                <TableHead className="cell-actions">
                  <span className="visually-hidden">Actions</span>
                </TableHead>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((member) => {
              const updating = spend?.updating?.has(member.id) ?? false;
              const memberSpend = updating ? undefined : spend?.byUser.get(member.id);
              return (
                <TableRow key={member.id}>
                  <MemberCell member={member} />
                  <TableCell data-priority="low">{member.email}</TableCell>
                  {ai.visible &&
                    (memberSpend ? (
                      <MemberBudgetCells
                        group={data}
                        username={member.username}
                        row={memberSpend}
                        groupNames={groupNames}
                        period={spend!}
                      />
                    ) : spendQuery.isLoading || updating ? (
                      <SpendPlaceholder words={updating ? "Updating…" : "Loading…"} />
                    ) : (
                      <>
                        <TableCell data-label="AI spend">–</TableCell>
                        <TableCell data-label="Budget">–</TableCell>
                      </>
                    ))}
                  {showActions && (
                    <TableCell className="cell-actions">
                      <Suspense fallback={<span className="button button-ghost button-icon" aria-hidden="true" />}>
                        <MemberRowActions username={member.username} onManageBudget={() => setManaging(member)} />
                      </Suspense>
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {managing && groupsQuery.data && userAdmin.data && (
        <Suspense fallback={null}>
          <OverrideDialog
            member={managing}
            memberGroups={groupsQuery.data.filter((g) => g.members.some((m) => m.id === managing.id))}
            defaultGroupId={data.id}
            readOnly={!userAdmin.data.canUpdateUsers}
            spendSummary={
              managingRow
                ? overrideSummary(memberBudgetCell(data, managingRow), managing.name || managing.username)
                : undefined
            }
            onClose={() => setManaging(undefined)}
          />
        </Suspense>
      )}
      {pages > 1 && (
        <nav className="pagination" aria-label="Members pages">
          <Button disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <Button disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            Next
          </Button>
        </nav>
      )}
    </section>
  );
};

export default GroupMembersPage;
