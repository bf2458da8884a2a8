// The members table: User, Status, AI spend and Budget group (Coder's
// columns), a row menu for those who may manage the group, and the override
// dialog it opens.
import { useQuery } from "@tanstack/react-query";
import { SearchX, Users } from "lucide-react";
import { lazy, Suspense, useState, type FC } from "react";
import { checkAuthorization } from "../../../api/queries/authCheck";
import { groups } from "../../../api/queries/groups";
import type { Group, GroupMember } from "../../../../core/types";
import { formatPeriod } from "../../../../core/budgetPeriod";
import { memberBudgetCell } from "../../../../core/domain/budgetRules";
import { ErrorAlert } from "../../../components/ErrorAlert";
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
import { useClock } from "../../../utils/clock";
import { MemberBudgetCells } from "./MemberBudgetCells";
import { MemberCell, SpendPlaceholder, StatusCell } from "./MemberRowParts";
import { overrideSummary } from "./overrideSummary";
import type { MembersSpendState } from "./useMembersSpend";
import { noteClassName } from "../../../components/ui/Page";
import { buttonClassName } from "../../../components/ui/Button";

const OverrideDialog = lazy(async () => ({ default: (await import("./OverrideDialog")).OverrideDialog }));
// The row actions (Radix's menu) load only for those who may manage members.
const MemberRowActions = lazy(() => import("./MemberRowActions"));

const userAdminCheck = {
  checks: { canUpdateUsers: { object: { resource_type: "user" as const }, action: "update" as const } },
};

interface MembersTableProps {
  group: Group;
  members: GroupMember[];
  search: string;
  ai: boolean;
  spend: MembersSpendState;
  mayManage: boolean;
  /** Absent for the Everyone group. */
  onRemove?: (member: GroupMember) => void;
}

export const MembersTable: FC<MembersTableProps> = ({ group, members, search, ai, spend, mayManage, onRemove }) => {
  const [managing, setManaging] = useState<GroupMember>();
  const userAdmin = useQuery({ ...checkAuthorization(userAdminCheck), enabled: Boolean(managing) });
  const memberGroups = useQuery({ ...groups(group.organization_name), enabled: Boolean(managing) });
  const clock = useClock();
  if (members.length === 0) {
    return search ? (
      <EmptyState
        icon={<SearchX size={32} />}
        title={`No members match "${search}".`}
        description={<p>Try another username, email or status.</p>}
      />
    ) : (
      <EmptyState
        icon={<Users size={32} />}
        title="This group has no members yet."
        description={mayManage ? <p>Add users to see their AI spend here.</p> : undefined}
      />
    );
  }
  const now = clock().getTime();
  const managingRow = managing && spend.data?.byUser.get(managing.id);
  const showActions = mayManage && (ai || onRemove !== undefined);
  return (
    <>
      {ai && spend.data && (
        <p className={noteClassName}>
          AI budget period: {formatPeriod(spend.data.period_start, spend.data.period_end)} (UTC). Spend is approximate
          and may lag by a few minutes.
        </p>
      )}
      {ai && spend.error && (
        <ErrorAlert title="Could not load the members' AI spend." error={spend.error} onRetry={spend.refetch} />
      )}
      <TableContainer>
        <Table responsive>
          <TableHeader>
            <TableRow>
              <TableHead>User</TableHead>
              <TableHead>Status</TableHead>
              {ai && <TableHead>AI spend</TableHead>}
              {ai && <TableHead>Budget group</TableHead>}
              {showActions && (
                <TableHead actions>
                  <span className="sr-only">Actions</span>
                </TableHead>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((member) => {
              const updating = spend.data?.updating?.has(member.id) ?? false;
              const row = updating ? undefined : spend.data?.byUser.get(member.id);
              const elsewhere = row !== undefined && memberBudgetCell(group, row).kind === "otherOrganization";
              return (
                <TableRow key={member.id}>
                  <MemberCell member={member} />
                  <StatusCell member={member} now={now} />
                  {ai &&
                    (row ? (
                      <MemberBudgetCells
                        group={group}
                        username={member.username}
                        row={row}
                        groupNames={spend.groupNames}
                        period={spend.data!}
                      />
                    ) : spend.isLoading || updating ? (
                      <SpendPlaceholder words={updating ? "Updating…" : "Loading…"} />
                    ) : (
                      <>
                        <TableCell data-label="AI spend">–</TableCell>
                        <TableCell data-label="Budget group">–</TableCell>
                      </>
                    ))}
                  {showActions && (
                    <TableCell actions>
                      <Suspense fallback={<span className={buttonClassName("ghost", "icon")} aria-hidden="true" />}>
                        <MemberRowActions
                          username={member.username}
                          onManageBudget={ai ? () => setManaging(member) : undefined}
                          manageDisabledReason={
                            elsewhere ? "A group of another organization governs this budget" : undefined
                          }
                          onRemove={onRemove && (() => onRemove(member))}
                        />
                      </Suspense>
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {managing && memberGroups.data && userAdmin.data && (
        <Suspense fallback={null}>
          <OverrideDialog
            member={managing}
            memberGroups={memberGroups.data.filter((g) => g.members.some((m) => m.id === managing.id))}
            defaultGroupId={group.id}
            readOnly={!userAdmin.data.canUpdateUsers}
            spendSummary={
              managingRow
                ? overrideSummary(memberBudgetCell(group, managingRow), managing.name || managing.username)
                : undefined
            }
            onClose={() => setManaging(undefined)}
          />
        </Suspense>
      )}
    </>
  );
};
