import { useEffect, useId, useRef, type FC, type ReactNode } from "react";

interface ConfirmPanelProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A question the admin must answer before going on; takes focus so it is heard. */
export const ConfirmPanel: FC<ConfirmPanelProps> = ({
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}) => {
  const id = useId();
  const firstButton = useRef<HTMLButtonElement>(null);
  useEffect(() => firstButton.current?.focus(), []);
  return (
    <div className="alert alert-warning" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <p className="alert-title" id={`${id}-title`}>
        {title}
      </p>
      <div id={`${id}-body`}>{children}</div>
      <div className="form-actions">
        <button ref={firstButton} type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className="button button-primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </div>
  );
};
