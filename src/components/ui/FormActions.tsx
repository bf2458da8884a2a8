import type { FC, ReactNode } from "react";
import { cx } from "./cx";

/** A row of buttons under a form or a message; wraps on a narrow screen. */
export const FormActions: FC<{ children: ReactNode; className?: string }> = ({ children, className }) => (
  <div className={cx("flex flex-wrap gap-3", className)}>{children}</div>
);
