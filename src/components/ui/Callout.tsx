import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import type { FC, ReactNode } from "react";

export type CalloutSeverity = "info" | "warning" | "error" | "success";

const ICONS = { info: Info, warning: TriangleAlert, error: CircleAlert, success: CircleCheck } as const;

interface CalloutProps {
  severity: CalloutSeverity;
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons under the text. */
  actions?: ReactNode;
  /** `alert` for a failure that must be heard at once; none for a note that is read in place. */
  role?: "alert" | "status" | "note";
}

/** A boxed message with an icon: something to know (info), to weigh (warning), that failed (error) or worked (success). */
export const Callout: FC<CalloutProps> = ({ severity, title, children, actions, role }) => {
  const Icon = ICONS[severity];
  return (
    <div className={`alert alert-${severity} callout`} role={role}>
      <Icon className="callout-icon" aria-hidden="true" size={18} />
      <div className="callout-body">
        {title && <p className="alert-title">{title}</p>}
        {children}
        {actions && <div className="form-actions callout-actions">{actions}</div>}
      </div>
    </div>
  );
};
