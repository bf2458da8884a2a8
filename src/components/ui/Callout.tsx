import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import type { FC, ReactNode } from "react";
import { cx } from "./cx";
import { FormActions } from "./FormActions";

export type CalloutSeverity = "info" | "warning" | "error" | "success";

const ICONS = { info: Info, warning: TriangleAlert, error: CircleAlert, success: CircleCheck } as const;

// A failure's words take the error colour; its detail (`text-content-primary`) reads plainly under them.
const BOX: Record<CalloutSeverity, string> = {
  info: "border-border-info bg-surface-info text-content-primary",
  warning: "border-border-warning bg-surface-warning text-content-primary",
  error: "border-border-error bg-surface-error text-content-error",
  success: "border-border-success bg-surface-success text-content-primary",
};

const ICON_COLOR: Record<CalloutSeverity, string | undefined> = {
  info: "text-content-link",
  warning: "text-content-warning",
  error: undefined,
  success: "text-content-success",
};

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
    <div
      className={cx(
        "mb-4 flex items-start gap-3 rounded-[8px] border px-4 py-3 [&_a]:underline [&_a]:underline-offset-2 [&_p]:m-0 [&_p]:mb-[0.4rem]",
        BOX[severity],
      )}
      role={role}
    >
      <Icon className={cx("mt-[0.15rem] flex-none", ICON_COLOR[severity])} aria-hidden="true" size={18} />
      <div className="min-w-0 flex-1 [&>:last-child]:mb-0">
        {title && <p className="font-semibold">{title}</p>}
        {children}
        {actions && <FormActions className="mt-2">{actions}</FormActions>}
      </div>
    </div>
  );
};
