import { X } from "lucide-react";
import * as DialogPrimitive from "radix-ui/dialog";
import type { FC, ReactNode } from "react";
import { buttonClassName } from "./Button";
import { cx } from "./cx";

// One look for every modal (AlertDialog.tsx uses it too): centred, never wider than the screen less 1 rem a side, scrolling inside when tall.
export const dialogOverlayClassName = "fixed inset-0 z-50 bg-surface-overlay";
export const dialogContentClassName =
  "fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[min(30rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-[10px] border border-border-default bg-surface-secondary p-5 text-content-primary shadow-[0_16px_48px_rgb(0_0_0/0.35)]";
export const dialogTitleClassName = "m-0 font-semibold text-[1.125rem] wrap-anywhere";
export const dialogDescriptionClassName = "mx-0 mt-0 mb-3 text-content-secondary";

interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** A line under the title that says what the dialog is about; read out with it. */
  description?: ReactNode;
  children: ReactNode;
}

/**
 * A modal dialog on Radix's: focus kept inside, Escape and the close button
 * close it, the page behind is inert. Fits a 360 px screen; a tall one scrolls
 * inside itself.
 */
export const Dialog: FC<DialogProps> = ({ open, onOpenChange, title, description, children }) => (
  <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className={dialogOverlayClassName} />
      <DialogPrimitive.Content
        className={dialogContentClassName}
        {...(description ? {} : { "aria-describedby": undefined })}
      >
        <div className="mb-1 flex items-start justify-between gap-3">
          <DialogPrimitive.Title className={dialogTitleClassName}>{title}</DialogPrimitive.Title>
          <DialogPrimitive.Close
            className={buttonClassName("ghost", "icon", "mt-[-0.35rem] mr-[-0.5rem]")}
            aria-label="Close dialog"
          >
            <X aria-hidden="true" size={18} />
          </DialogPrimitive.Close>
        </div>
        {description && (
          <DialogPrimitive.Description className={dialogDescriptionClassName}>
            {description}
          </DialogPrimitive.Description>
        )}
        {children}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  </DialogPrimitive.Root>
);

/** A button that closes the dialog it is in. */
export const DialogClose = DialogPrimitive.Close;

/** A dialog's buttons, at its end; `className` replaces the space above them. */
export const DialogActions: FC<{ children: ReactNode; className?: string }> = ({ children, className }) => (
  <div className={cx("flex flex-wrap justify-end gap-3", className ?? "mt-2")}>{children}</div>
);

/** The form inside a dialog: its fields one under another. */
export const dialogFormClassName = "flex flex-col gap-2";
