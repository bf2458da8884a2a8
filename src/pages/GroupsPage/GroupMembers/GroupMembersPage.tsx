// The members tab, as Coder's: one page of members from the server (search
// and page in the URL), their status and AI spend, Add users and Remove for
// those who may change the group, each saying first what it does to budgets.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useState, type FC } from "react";
import { Link, useParams } from "react-router";
import { checkAuthorization, groupPermissionChecks } from "../../../api/queries/authCheck";
import { changeGroupMembers } from "../../../api/queries/groups";
import { useGroup } from "../../../hooks/useGroup";
import type { GroupMember } from "../../../../core/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { Callout } from "../../../components/ui/Callout";
import { useAIFeatureVisible } from "../../../hooks/useFeatureVisibility";
import { MembersPagination } from "./MembersPagination";
import { MembersTable } from "./MembersTable";
import { MembersToolbar } from "./MembersToolbar";
import { useMembersLocation, useMembersPage } from "./useMembersPage";
import { useMembersSpend } from "./useMembersSpend";

// Dialogs (and Radix's with them) load when first opened, not with the page.
const AddMembersDialog = lazy(() => import("./AddMembersDialog"));
const RemoveMemberDialog = lazy(() => import("./RemoveMemberDialog"));

const GroupMembersPage: FC = () => {
  const { organization = "", groupName = "" } = useParams();
  const queryClient = useQueryClient();
  const { data: group } = useGroup(organization, groupName);
  const withAI = useAIFeatureVisible().visible === true;
  const { page, search, go } = useMembersLocation();
  const permissions = useQuery({
    ...checkAuthorization(groupPermissionChecks(group?.id ?? "")),
    enabled: Boolean(group),
  });
  const mayManage = permissions.data?.canUpdateGroup === true;
  const { query, pages, count } = useMembersPage(group, search, page, withAI);
  const shown = query.data?.users ?? [];
  const spend = useMembersSpend(group, shown, withAI);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<GroupMember>();
  const [done, setDone] = useState("");
  const remove = useMutation(changeGroupMembers(queryClient, organization));
  const onSearch = useCallback((next: string) => go({ search: next }), [go]);
  if (!group) return null;
  const everyone = group.id === group.organization_id;
  const confirmRemove = () => {
    const member = removing!;
    setRemoving(undefined);
    remove.mutate(
      { groupId: group.id, remove: [member.id] },
      { onSuccess: () => setDone(`Removed ${member.username} from ${group.name}.`) },
    );
  };
  return (
    <section aria-labelledby="members-heading" aria-busy={query.isLoading || undefined}>
      <h2 id="members-heading" className="sr-only">
        Members
      </h2>
      <MembersToolbar
        search={search}
        onSearch={onSearch}
        onAddUsers={mayManage && !everyone ? () => setAdding(true) : undefined}
      />
      <p role="status" className="m-0 mb-2 empty:hidden">
        {done}
      </p>
      {remove.error && <ErrorAlert title="Could not remove the member; nothing changed." error={remove.error} />}
      {query.error && (
        <ErrorAlert title="Could not load the members." error={query.error} onRetry={() => void query.refetch()} />
      )}
      {spend.noBudgetAnywhere && (
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
      {query.data && (
        <MembersTable
          group={group}
          members={shown}
          search={search}
          ai={withAI}
          spend={spend}
          mayManage={mayManage}
          onRemove={everyone ? undefined : setRemoving}
        />
      )}
      {count !== undefined && count > 0 && (
        <MembersPagination page={Math.min(page, pages)} pages={pages} count={count} onPage={(p) => go({ page: p })} />
      )}
      <Suspense fallback={null}>
        {adding && (
          <AddMembersDialog
            group={group}
            withImpact={withAI}
            onClose={() => setAdding(false)}
            onAdded={(names) => {
              setAdding(false);
              setDone(`Added ${names.join(", ")} to ${group.name}.`);
            }}
          />
        )}
        {removing && (
          <RemoveMemberDialog
            group={group}
            member={removing}
            row={spend.data?.byUser.get(removing.id)}
            withImpact={withAI}
            onConfirm={confirmRemove}
            onCancel={() => setRemoving(undefined)}
          />
        )}
      </Suspense>
    </section>
  );
};

export default GroupMembersPage;
