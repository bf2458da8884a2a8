import type { CSSProperties, FC } from "react";

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
    className={`skeleton${round ? " skeleton-round" : ""}${className ? ` ${className}` : ""}`}
    style={{ width, height }}
  />
);
