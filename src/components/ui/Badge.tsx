import type { FC, ReactNode } from "react";

export type BadgeVariant = "neutral" | "success" | "warning" | "error" | "info";

/** A short status word in a pill; the word carries the meaning, the colour only repeats it. */
export const Badge: FC<{ variant?: BadgeVariant; icon?: ReactNode; children: ReactNode; className?: string }> = ({
  variant = "neutral",
  icon,
  children,
  className,
}) => (
  <span className={`badge badge-${variant}${className ? ` ${className}` : ""}`}>
    {icon}
    {children}
  </span>
);
