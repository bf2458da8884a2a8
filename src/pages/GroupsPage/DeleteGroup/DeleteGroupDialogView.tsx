import { AlertDialog } from "radix-ui";
import { useState, type FC } from "react";
import { Button } from "../../../components/ui/Button";
import { Callout } from "../../../components/ui/Callout";
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
    <AlertDialog.Root open={open}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/60" />
        <AlertDialog.Content
          onEscapeKeyDown={onCancel}
          className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg border border-border-default bg-surface-primary p-5 text-content-primary shadow-xl"
        >
          <AlertDialog.Title className="m-0 mb-2 text-lg font-semibold">Delete group</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="text-content-secondary [&_p]:m-0 [&_p+p]:mt-2 [&_strong]:text-content-primary">
              <p>
                Deleting <strong>{groupName}</strong> cannot be undone. Its {members} leave it
                {ai
                  ? "; its AI budget, the budget overrides charged to it and the spend charged to it go with it, and the budget of another group (or Everyone) governs its members from then on."
                  : "."}
              </p>
            </div>
          </AlertDialog.Description>
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
            <div className="form-actions">
              <AlertDialog.Cancel asChild>
                <Button type="button" onClick={onCancel}>
                  Cancel
                </Button>
              </AlertDialog.Cancel>
              <Button
                type="submit"
                variant="destructive"
                disabled={!matches || deleting}
                aria-busy={deleting || undefined}
              >
                {deleting ? "Deleting…" : "Delete group"}
              </Button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
};
