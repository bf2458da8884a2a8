import {
  createContext,
  useContext,
  type FC,
  type HTMLAttributes,
  type TdHTMLAttributes,
  type ThHTMLAttributes,
} from "react";
import { cx } from "./cx";

/*
 * Semantic table pieces with the app's look: rows divided, not gridded. A
 * table that may be wider than a phone goes in a TableContainer, which scrolls
 * on its own so the page never does. A `responsive` table instead turns each
 * row into a card on a phone, its cells stacked under their `data-label`, and
 * hides its `data-priority="low"` columns below 64rem.
 */

const Responsive = createContext(false);

type Align = "left" | "right";
interface CellProps {
  align?: Align;
  /** The narrow last column of row actions, right-aligned. */
  actions?: boolean;
}

export const TableContainer: FC<HTMLAttributes<HTMLDivElement>> = ({ className, ...props }) => (
  <div className={cx("w-full overflow-x-auto rounded-[8px]", className)} {...props} />
);

export const Table: FC<HTMLAttributes<HTMLTableElement> & { responsive?: boolean }> = ({
  responsive = false,
  className,
  ...props
}) => (
  <Responsive.Provider value={responsive}>
    <table
      className={cx(
        // relative keeps visually hidden cells' text inside the table, which may scroll.
        "relative w-full border-separate border-spacing-0 overflow-hidden rounded-[8px] border border-border-default",
        responsive ? "max-sm:block max-sm:overflow-visible max-sm:border-0" : "max-sm:block max-sm:overflow-x-auto",
        className,
      )}
      {...props}
    />
  </Responsive.Provider>
);

export const TableHeader: FC<HTMLAttributes<HTMLTableSectionElement>> = ({ className, ...props }) => (
  <thead className={cx(useContext(Responsive) && "max-sm:sr-only", className)} {...props} />
);

export const TableBody: FC<HTMLAttributes<HTMLTableSectionElement>> = ({ className, ...props }) => (
  <tbody className={cx(useContext(Responsive) && "max-sm:flex max-sm:flex-col max-sm:gap-3", className)} {...props} />
);

export const TableRow: FC<HTMLAttributes<HTMLTableRowElement>> = ({ className, ...props }) => (
  <tr
    className={cx(
      useContext(Responsive) &&
        "max-sm:grid max-sm:grid-cols-[1fr_auto] max-sm:gap-x-3 max-sm:gap-y-2 max-sm:rounded-[8px] max-sm:border max-sm:border-border-default max-sm:px-4 max-sm:py-3",
      className,
    )}
    {...props}
  />
);

const alignment = (align: Align | undefined, actions: boolean) =>
  align === "right" || actions ? "text-right" : "text-left";

/** A low-priority column of a responsive table gives way first on a narrow screen. */
const priority = (responsive: boolean, value: unknown) => responsive && value === "low" && "max-lg:hidden";

export const TableHead: FC<ThHTMLAttributes<HTMLTableCellElement> & CellProps> = ({
  scope = "col",
  align,
  actions = false,
  className,
  ...props
}) => (
  <th
    scope={scope}
    className={cx(
      "border-border-default border-b bg-surface-secondary py-[0.6rem] font-medium text-[0.8125rem] text-content-secondary",
      alignment(align, actions),
      actions ? "w-[1%] pr-4 pl-1" : "px-4",
      priority(useContext(Responsive), props["data-priority" as keyof typeof props]),
      className,
    )}
    {...props}
  />
);

export const TableCell: FC<TdHTMLAttributes<HTMLTableCellElement> & CellProps> = ({
  align,
  actions = false,
  className,
  ...props
}) => {
  const responsive = useContext(Responsive);
  const low = priority(responsive, props["data-priority" as keyof typeof props]);
  return (
    <td
      className={cx(
        "border-border-default border-b py-3 align-middle [tbody>tr:hover>&]:bg-surface-secondary [tbody>tr:last-child>&]:border-b-0",
        alignment(align, actions),
        actions ? "w-[1%] pr-4 pl-1" : "px-4",
        responsive &&
          "max-sm:min-w-0 max-sm:border-0 max-sm:p-0 max-sm:[tbody>tr:hover>&]:bg-transparent max-sm:data-label:before:block max-sm:data-label:before:font-semibold max-sm:data-label:before:text-[0.75rem] max-sm:data-label:before:text-content-secondary max-sm:data-label:before:content-[attr(data-label)]",
        // On a phone's card: the first cell beside the actions, the actions top right, every other cell a line of its own.
        responsive && !low && "max-sm:block",
        responsive &&
          (actions ? "max-sm:col-[2] max-sm:row-[1] max-sm:w-auto" : "max-sm:col-span-full max-sm:first:col-[1]"),
        low,
        className,
      )}
      {...props}
    />
  );
};
