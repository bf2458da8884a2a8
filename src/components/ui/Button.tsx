import { forwardRef, type ButtonHTMLAttributes } from "react";
import { SpinnerIcon } from "./SpinnerIcon";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "destructive" | "ghost";
export type ButtonSize = "small" | "medium" | "icon";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Busy: the button keeps its place and its words, shows a spinner and takes no clicks. */
  loading?: boolean;
}

/**
 * The app's one button. Forwards its ref so Radix triggers (`asChild`) can use
 * it; `buttonClassName` gives a link the same look.
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(
  (
    {
      variant = "secondary",
      size = "medium",
      loading = false,
      disabled,
      className,
      children,
      type = "button",
      ...props
    },
    ref,
  ) => (
    <button
      ref={ref}
      type={type}
      className={buttonClassName(variant, size, className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading && <SpinnerIcon size="small" />}
      {children}
    </button>
  ),
);
Button.displayName = "Button";

// `not-disabled:` rather than `enabled:`, so a link styled as a button reacts too.
const BASE =
  "inline-flex cursor-pointer items-center justify-center gap-[0.4rem] whitespace-nowrap rounded-[6px] border font-medium no-underline transition-[background-color,border-color] duration-[120ms] ease-[ease] hover:no-underline disabled:cursor-not-allowed disabled:opacity-55 aria-busy:cursor-progress";

// Each variant names its own border, background and hover, so no two classes fight over one property.
const VARIANTS: Record<ButtonVariant, string> = {
  secondary:
    "border-border-default bg-transparent not-disabled:hover:border-border-strong not-disabled:hover:bg-surface-tertiary",
  primary:
    "border-surface-invert bg-surface-invert not-disabled:hover:border-content-secondary not-disabled:hover:bg-content-secondary",
  destructive:
    "border-surface-destructive bg-surface-destructive not-disabled:hover:border-[#991b1b] not-disabled:hover:bg-[#991b1b]",
  ghost: "border-transparent bg-transparent not-disabled:hover:bg-surface-tertiary",
};

const TEXT: Record<ButtonVariant, string> = {
  secondary: "text-content-primary",
  primary: "text-content-invert",
  destructive: "text-white",
  ghost: "text-content-primary",
};

const SIZES: Record<ButtonSize, string> = {
  medium: "min-h-9 px-[0.9rem] py-[0.4rem] text-[0.875rem] leading-5",
  small: "min-h-7 px-[0.6rem] py-[0.2rem] text-[0.8125rem] leading-5",
  // An icon button is quieter than its words would be, whatever its variant.
  icon: "min-h-8 w-8 p-0 text-[0.875rem] leading-5 text-content-secondary not-disabled:hover:text-content-primary",
};

/** The classes of a button, for a link (or a Radix trigger) that looks like one. */
export const buttonClassName = (
  variant: ButtonVariant = "secondary",
  size: ButtonSize = "medium",
  extra?: string,
): string => cx(BASE, VARIANTS[variant], size !== "icon" && TEXT[variant], SIZES[size], extra);
