import type { FC, HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";

/** A boxed part of a form or a page: a heading, a line about it, its fields. */
export const Section: FC<HTMLAttributes<HTMLElement>> = ({ className, ...props }) => (
  <section
    className={cx("rounded-[8px] border border-border-default bg-surface-secondary p-5", className)}
    {...props}
  />
);

/** The line under a section's heading: what the section is for. */
export const SectionDescription: FC<{ children: ReactNode }> = ({ children }) => (
  <p className="mx-0 mt-0 mb-4 text-content-secondary [&_a]:underline [&_a]:underline-offset-2">{children}</p>
);
