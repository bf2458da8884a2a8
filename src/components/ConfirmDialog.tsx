import type { FC, ReactNode } from "react";
import { Button } from "./ui/Button";
import { AlertDialog, AlertDialogAction, AlertDialogCancel } from "./ui/AlertDialog";
import { DialogActions } from "./ui/Dialog";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** Names the consequence of going on. */
  children: ReactNode;
  confirmLabel: string;
  /** The safe choice: first, focused when the dialog opens, and what Escape does. */
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A question the admin must answer before going on: modal (focus stays in it,
 * the page behind is inert), the safe choice first and focused, Escape takes
 * it. Only the choice that goes on is the primary button.
 */
export const ConfirmDialog: FC<ConfirmDialogProps> = ({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}) => (
  // Controlled: each choice calls its own handler, and the caller closes the dialog.
  <AlertDialog open={open} title={title} description={children} onEscape={onCancel}>
    <DialogActions>
      <AlertDialogCancel asChild>
        <Button onClick={onCancel}>{cancelLabel}</Button>
      </AlertDialogCancel>
      <AlertDialogAction asChild>
        <Button variant="primary" onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </AlertDialogAction>
    </DialogActions>
  </AlertDialog>
);
