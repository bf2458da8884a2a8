import { X } from "lucide-react";
import * as DialogPrimitive from "radix-ui/dialog";
import type { FC, ReactNode } from "react";

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
      <DialogPrimitive.Overlay className="dialog-overlay" />
      <DialogPrimitive.Content className="dialog" {...(description ? {} : { "aria-describedby": undefined })}>
        <div className="dialog-header">
          <DialogPrimitive.Title className="dialog-title">{title}</DialogPrimitive.Title>
          <DialogPrimitive.Close className="button button-ghost button-icon" aria-label="Close dialog">
            <X aria-hidden="true" size={18} />
          </DialogPrimitive.Close>
        </div>
        {description && (
          <DialogPrimitive.Description className="dialog-description">{description}</DialogPrimitive.Description>
        )}
        {children}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  </DialogPrimitive.Root>
);

/** A button that closes the dialog it is in. */
export const DialogClose = DialogPrimitive.Close;
