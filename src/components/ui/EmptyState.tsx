import type { FC, ReactNode } from "react";

/** Nothing to show yet, what that means, and what to do about it. */
export const EmptyState: FC<{ title: string; description?: ReactNode; icon?: ReactNode; action?: ReactNode }> = ({
  title,
  description,
  icon,
  action,
}) => (
  <div className="empty-state">
    {icon && (
      <span className="empty-state-icon" aria-hidden="true">
        {icon}
      </span>
    )}
    <p className="empty-state-title">{title}</p>
    {description && <div className="empty-state-description">{description}</div>}
    {action && <div className="empty-state-action">{action}</div>}
  </div>
);
