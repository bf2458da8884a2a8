import type { FC, HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";

/**
 * A screen's body: full width up to 96rem (1536 px), so a table has room on a
 * desktop; `wide` holds a report of charts to 80rem. Less padding on a phone.
 */
export const Page: FC<{ wide?: boolean; children: ReactNode }> = ({ wide = false, children }) => (
  <div className={cx("mx-auto w-full px-8 py-6 max-sm:px-4", wide ? "max-w-[80rem]" : "max-w-[96rem]")}>{children}</div>
);

/** The title row: the heading on the left, the page's main action on the right (under it on a phone). */
export const PageHeader: FC<HTMLAttributes<HTMLElement>> = ({ className, ...props }) => (
  <header
    className={cx("mb-5 flex flex-wrap items-end justify-between gap-x-4 gap-y-2 max-sm:items-start", className)}
    {...props}
  />
);

/** The line under a page's heading. */
export const PageSubtitle: FC<{ children: ReactNode }> = ({ children }) => (
  <p className="m-0 text-content-secondary">{children}</p>
);

/** A quieter line of text under a name or an amount: an email, where spend is charged, a note. */
export const subtextClassName =
  "block text-[0.8125rem] text-content-secondary [&_a]:underline [&_a]:underline-offset-2";

/** A quiet paragraph before what it qualifies: the budget period, how exact the numbers are. */
export const noteClassName = "mx-0 mt-0 mb-3 text-content-secondary";
