import { useState, type FC } from "react";
import { Button } from "../../../components/ui/Button";
import { Callout } from "../../../components/ui/Callout";
import { AlertDialog, AlertDialogCancel } from "../../../components/ui/AlertDialog";
import { DialogActions } from "../../../components/ui/Dialog";
import { TextField } from "../../../components/ui/TextField";

export interface DeleteGroupDialogViewProps {
  open: boolean;
  groupName: string;
  memberCount: number;
  deleting: boolean;
  /** Why the last try failed; the typed name stays. */
  problem?: { title: string; description?: string };
  onConfirm: () => void;
  onCancel: () => void;
  /** What the confirmation field starts with (stories show it half typed). */
  initialTyped?: string;
  /** Whether the deployment has AI budgets: only then does the dialog speak of them. */
  ai?: boolean;
}

/**
 * Asks before deleting a group, as Coder's delete dialog does: the admin types
 * the group's name, and only then may delete. Says what goes with the group.
 */
export const DeleteGroupDialogView: FC<DeleteGroupDialogViewProps> = ({
  open,
  groupName,
  memberCount,
  deleting,
  problem,
  ai = true,
  onConfirm,
  onCancel,
  initialTyped = "",
}) => {
  const [typed, setTyped] = useState(initialTyped);
  const matches = typed === groupName;
  const members = `${memberCount.toLocaleString("en-US")} ${memberCount === 1 ? "member" : "members"}`;
  return (
    <AlertDialog
      open={open}
      title="Delete group"
      onEscape={onCancel}
      description={
        <p>
          Deleting <strong>{groupName}</strong> cannot be undone. Its {members} leave it
          {ai
            ? "; its AI budget, the budget overrides charged to it and the spend charged to it go with it, and the budget of another group (or Everyone) governs its members from then on."
            : "."}
        </p>
      }
    >
      <form
        className="mt-4 flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (matches && !deleting) onConfirm();
        }}
      >
        {problem && (
          <Callout severity="error" role="alert" title={problem.title}>
            {problem.description}
          </Callout>
        )}
        <TextField
          label="Name of the group to delete"
          helperText={`Type “${groupName}” to confirm.`}
          value={typed}
          autoComplete="off"
          onChange={(event) => setTyped(event.target.value)}
        />
        <DialogActions className="mt-0">
          <AlertDialogCancel asChild>
            <Button type="button" onClick={onCancel}>
              Cancel
            </Button>
          </AlertDialogCancel>
          <Button type="submit" variant="destructive" disabled={!matches || deleting} aria-busy={deleting || undefined}>
            {deleting ? "Deleting…" : "Delete group"}
          </Button>
        </DialogActions>
      </form>
    </AlertDialog>
  );
};
