// Remove a member, behind a question that says what leaving does to their
// budget: which budget governs them instead, and that an override charged to
// this group is deleted with the membership (as Coder deletes it).
import { useQuery } from "@tanstack/react-query";
import type { FC } from "react";
import { groupsAISpend } from "../../../api/queries/aiSpend";
import { groups } from "../../../api/queries/groups";
import type { Group, GroupMemberAISpend, ReducedUser } from "../../../../core/types";
import { removalImpact } from "../../../../core/domain/membershipImpact";
import { ConfirmDialog } from "../../../components/ConfirmDialog";

interface RemoveMemberDialogProps {
  group: Pick<Group, "id" | "name" | "organization_id" | "organization_name">;
  member: ReducedUser;
  /** Their members' spend row here; undefined where the deployment has no AI budgets. */
  row: GroupMemberAISpend | undefined;
  withImpact: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

const RemoveMemberDialog: FC<RemoveMemberDialogProps> = ({ group, member, row, withImpact, onConfirm, onCancel }) => (
  <ConfirmDialog
    open
    title={`Remove ${member.username} from ${group.name}?`}
    confirmLabel="Remove"
    cancelLabel="Cancel"
    onConfirm={onConfirm}
    onCancel={onCancel}
  >
    <p>They stay in the organization and in their other groups.</p>
    {withImpact && <RemovalImpact group={group} member={member} row={row} />}
  </ConfirmDialog>
);

const RemovalImpact: FC<Pick<RemoveMemberDialogProps, "group" | "member" | "row">> = ({ group, member, row }) => {
  const named = useQuery(groups(group.organization_name));
  // Their other groups here, the Everyone group among them, and those groups' budgets.
  const others = named.data
    ?.filter((g) => g.id !== group.id && (g.id === g.organization_id || g.members.some((m) => m.id === member.id)))
    .map((g) => g.id);
  const ids = others && [...new Set([...others, group.organization_id])].sort();
  const limits = useQuery({ ...groupsAISpend(group.organization_name, ids ?? []), enabled: ids !== undefined });
  if (named.error || limits.error) return <p>What governs their AI budget afterwards could not be read.</p>;
  if (!row || !limits.data || !named.data)
    return <p aria-busy="true">Working out what governs their AI budget afterwards…</p>;
  const name = (id: string) =>
    id === group.organization_id ? "Everyone" : (named.data.find((g) => g.id === id)?.name ?? id);
  const budgets = ids!.map((id) => ({
    name: name(id),
    spend_limit_micros: limits.data.byGroup.get(id)?.spend_limit_micros ?? null,
  }));
  return <p>{removalImpact(group, row, budgets)}</p>;
};

export default RemoveMemberDialog;
