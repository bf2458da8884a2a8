import { AlertDialog } from "radix-ui";
import type { FC, ReactNode } from "react";

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
  <AlertDialog.Root open={open}>
    <AlertDialog.Portal>
      <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/60" />
      <AlertDialog.Content
        onEscapeKeyDown={onCancel}
        className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg border border-border-default bg-surface-primary p-5 text-content-primary shadow-xl"
      >
        <AlertDialog.Title className="m-0 mb-2 text-lg font-semibold">{title}</AlertDialog.Title>
        <AlertDialog.Description asChild>
          <div className="text-content-secondary [&_p]:m-0 [&_p+p]:mt-2 [&_strong]:text-content-primary">
            {children}
          </div>
        </AlertDialog.Description>
        <div className="form-actions mt-5">
          <AlertDialog.Cancel className="button" onClick={onCancel}>
            {cancelLabel}
          </AlertDialog.Cancel>
          <AlertDialog.Action className="button button-primary" onClick={onConfirm}>
            {confirmLabel}
          </AlertDialog.Action>
        </div>
      </AlertDialog.Content>
    </AlertDialog.Portal>
  </AlertDialog.Root>
);
