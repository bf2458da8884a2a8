import { forwardRef, type ButtonHTMLAttributes } from "react";

export type ButtonVariant = "primary" | "secondary" | "destructive" | "ghost";
export type ButtonSize = "small" | "medium" | "icon";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Busy: the button keeps its place and its words, shows a spinner and takes no clicks. */
  loading?: boolean;
}

/**
 * The app's one button. Its look lives in `.button*` classes in index.css, so
 * markup that predates this component (a `<Link className="button">`) matches.
 * Forwards its ref so Radix triggers (`asChild`) can use it.
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
      {loading && <span className="spinner spinner-small" aria-hidden="true" />}
      {children}
    </button>
  ),
);
Button.displayName = "Button";

/** The classes of a button, for a link that looks like one. */
export const buttonClassName = (
  variant: ButtonVariant = "secondary",
  size: ButtonSize = "medium",
  extra?: string,
): string =>
  ["button", variant !== "secondary" && `button-${variant}`, size !== "medium" && `button-${size}`, extra]
    .filter(Boolean)
    .join(" ");
