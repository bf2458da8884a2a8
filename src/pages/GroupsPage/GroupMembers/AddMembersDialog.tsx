// Add users: search the organization's members, choose several, read what
// joining does to each one's budget, then add them in one PATCH.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FC } from "react";
import { changeGroupMembers } from "../../../api/queries/groups";
import { organizationMembers } from "../../../api/queries/organizationMembers";
import type { Group } from "../../../../core/types";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { Button } from "../../../components/ui/Button";
import { Dialog, DialogActions } from "../../../components/ui/Dialog";
import { TextField } from "../../../components/ui/TextField";
import { type ChosenUser, useAdditionImpact } from "./useAdditionImpact";

interface AddMembersDialogProps {
  group: Pick<Group, "id" | "name" | "organization_id" | "organization_name" | "members">;
  /** Whether to say what joining does to budgets (the deployment has AI budgets). */
  withImpact: boolean;
  onClose: () => void;
  onAdded: (usernames: string[]) => void;
}

const AddMembersDialog: FC<AddMembersDialogProps> = ({ group, withImpact, onClose, onAdded }) => {
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<ChosenUser[]>([]);
  // Asked once typing pauses, not at every key.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery(organizationMembers(group.organization_name, search));
  const adding = useMutation(changeGroupMembers(queryClient, group.organization_name));
  const members = new Set(group.members.map((m) => m.id));
  const toggle = (user: ChosenUser) =>
    setChosen((now) => (now.some((c) => c.id === user.id) ? now.filter((c) => c.id !== user.id) : [...now, user]));
  const add = () =>
    adding.mutate(
      { groupId: group.id, add: chosen.map((c) => c.id) },
      { onSuccess: () => onAdded(chosen.map((c) => c.username)) },
    );
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Add users"
      description={`Search the members of ${group.organization_name} and choose whom to add to ${group.name}.`}
    >
      <TextField label="Search users" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
      {found.error && (
        <ErrorAlert
          title="Could not search the organization's members."
          error={found.error}
          onRetry={() => found.refetch()}
        />
      )}
      <ul
        aria-label="Organization members"
        aria-busy={found.isFetching || undefined}
        className="m-0 mt-3 max-h-56 list-none overflow-y-auto p-0"
      >
        {found.data?.members.map((m) => {
          const already = members.has(m.user_id);
          return (
            <li key={m.user_id} className="py-1">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  disabled={already}
                  checked={already || chosen.some((c) => c.id === m.user_id)}
                  onChange={() => toggle({ id: m.user_id, username: m.username })}
                />
                <span className="min-w-0 break-all">
                  {m.username}{" "}
                  <span className="text-content-secondary">{already ? "(already a member)" : m.email}</span>
                </span>
              </label>
            </li>
          );
        })}
        {found.data && found.data.members.length === 0 && <li>No members match "{search}".</li>}
      </ul>
      {chosen.length > 0 && <ImpactList group={group} chosen={chosen} withImpact={withImpact} />}
      {adding.error && <ErrorAlert title="Could not add the users; none was added." error={adding.error} />}
      <DialogActions className="mt-4">
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" disabled={chosen.length === 0 || adding.isPending} onClick={add}>
          {adding.isPending ? "Adding…" : chosen.length === 1 ? "Add 1 user" : `Add ${chosen.length} users`}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** The chosen users, each with what joining does to the budget that governs them. */
const ImpactList: FC<Pick<AddMembersDialogProps, "group" | "withImpact"> & { chosen: ChosenUser[] }> = ({
  group,
  chosen,
  withImpact,
}) => (
  <section aria-labelledby="add-impact-heading" className="mt-4">
    <h3 id="add-impact-heading" className="m-0 mb-1 text-sm font-semibold">
      {withImpact ? "What joining does to their AI budget" : "Chosen"}
    </h3>
    {withImpact ? (
      <ImpactLines group={group} chosen={chosen} />
    ) : (
      <p className="m-0">{chosen.map((c) => c.username).join(", ")}</p>
    )}
  </section>
);

const ImpactLines: FC<{ group: AddMembersDialogProps["group"]; chosen: ChosenUser[] }> = ({ group, chosen }) => {
  const lines = useAdditionImpact(group, chosen);
  return (
    <ul className="m-0 list-none p-0 text-sm" aria-live="polite">
      {lines.map((line, i) => (
        <li key={chosen[i]!.id} className="break-words py-0.5">
          {line}
        </li>
      ))}
    </ul>
  );
};

export default AddMembersDialog;
