import type { FC, ReactNode } from "react";
import { cx } from "./cx";

export type BadgeVariant = "neutral" | "success" | "warning" | "error" | "info";

// Each pair of text and background meets AA in both themes.
const VARIANTS: Record<BadgeVariant, string> = {
  neutral: "border-transparent bg-surface-tertiary text-content-primary",
  success: "border-border-success bg-surface-success text-content-success",
  warning: "border-border-warning bg-surface-warning text-content-warning",
  error: "border-border-error bg-surface-error text-content-error",
  info: "border-border-info bg-surface-info text-content-link",
};

/** A short status word in a pill; the word carries the meaning, the colour only repeats it. */
export const Badge: FC<{ variant?: BadgeVariant; icon?: ReactNode; children: ReactNode; className?: string }> = ({
  variant = "neutral",
  icon,
  children,
  className,
}) => (
  <span
    className={cx(
      "inline-flex w-fit items-center gap-1 whitespace-nowrap rounded-full border px-2 py-[0.05rem] font-semibold text-[0.75rem] leading-5",
      VARIANTS[variant],
      className,
    )}
  >
    {icon}
    {children}
  </span>
);
