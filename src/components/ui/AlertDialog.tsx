import * as AlertDialogPrimitive from "radix-ui/alert-dialog";
import type { FC, ReactNode } from "react";
import { cx } from "./cx";
import {
  dialogContentClassName,
  dialogDescriptionClassName,
  dialogOverlayClassName,
  dialogTitleClassName,
} from "./Dialog";

// Its own module: Radix's alert dialog is loaded only by the screens that ask questions.
interface AlertDialogProps {
  open: boolean;
  title: ReactNode;
  /** What is at stake, read out with the title. */
  description: ReactNode;
  /** Escape takes the safe way out. */
  onEscape: () => void;
  children: ReactNode;
}

/**
 * A question that must be answered before going on (`role="alertdialog"`):
 * the Dialog's look, without a close button, and no closing by a click
 * outside. Controlled: the caller closes it from its answers.
 */
export const AlertDialog: FC<AlertDialogProps> = ({ open, title, description, onEscape, children }) => (
  <AlertDialogPrimitive.Root open={open}>
    <AlertDialogPrimitive.Portal>
      <AlertDialogPrimitive.Overlay className={dialogOverlayClassName} />
      <AlertDialogPrimitive.Content onEscapeKeyDown={onEscape} className={dialogContentClassName}>
        <AlertDialogPrimitive.Title className={cx(dialogTitleClassName, "mb-1")}>{title}</AlertDialogPrimitive.Title>
        <AlertDialogPrimitive.Description asChild>
          <div className={cx(dialogDescriptionClassName, "[&_p+p]:mt-2 [&_p]:m-0 [&_strong]:text-content-primary")}>
            {description}
          </div>
        </AlertDialogPrimitive.Description>
        {children}
      </AlertDialogPrimitive.Content>
    </AlertDialogPrimitive.Portal>
  </AlertDialogPrimitive.Root>
);

/** The safe answer of an alert dialog: first, and focused when it opens. */
export const AlertDialogCancel = AlertDialogPrimitive.Cancel;
/** The answer that goes on. */
export const AlertDialogAction = AlertDialogPrimitive.Action;
