import type { FC, ReactNode } from "react";

/** Nothing to show yet, what that means, and what to do about it. */
export const EmptyState: FC<{ title: string; description?: ReactNode; icon?: ReactNode; action?: ReactNode }> = ({
  title,
  description,
  icon,
  action,
}) => (
  <div className="flex flex-col items-center gap-2 rounded-[8px] border border-border-default border-dashed px-6 py-12 text-center">
    {icon && (
      <span className="text-content-secondary" aria-hidden="true">
        {icon}
      </span>
    )}
    <p className="m-0 font-semibold text-[1.0625rem]">{title}</p>
    {description && <div className="max-w-[32rem] text-content-secondary [&_p]:m-0">{description}</div>}
    {action && <div className="mt-2">{action}</div>}
  </div>
);
