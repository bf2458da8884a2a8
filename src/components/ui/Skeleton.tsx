import type { CSSProperties, FC, HTMLAttributes } from "react";
import { cx } from "./cx";

/**
 * A grey block where content will be, at the size the content will take, so
 * nothing moves when it arrives. Hidden from assistive technology: the region
 * around it says it is busy.
 */
export const Skeleton: FC<{
  width?: CSSProperties["width"];
  height?: CSSProperties["height"];
  className?: string;
  round?: boolean;
}> = ({ width = "100%", height = "1rem", className, round = false }) => (
  <span
    aria-hidden="true"
    className={cx(
      "block bg-surface-tertiary animate-skeleton motion-reduce:animate-none",
      round ? "rounded-full" : "rounded-[4px]",
      className,
    )}
    style={{ width, height }}
  />
);

/** Skeletons one under another, as the lines of what is coming; a `div` or, inside a line of text, a `span`. */
export const SkeletonStack: FC<HTMLAttributes<HTMLElement> & { as?: "div" | "span" }> = ({
  as: Element = "div",
  className,
  ...props
}) => <Element className={cx("flex flex-col gap-[0.4rem]", className)} {...props} />;
