import type { FC, HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";

/*
 * Semantic table pieces with the app's look (`.table` in index.css). A table
 * that may be wider than a phone goes in a TableContainer, which scrolls on
 * its own so the page never does; `data-priority="low"` on a cell hides that
 * column on narrow screens.
 */

const join = (...names: (string | undefined | false)[]) => names.filter(Boolean).join(" ");

export const TableContainer: FC<HTMLAttributes<HTMLDivElement>> = ({ className, ...props }) => (
  <div className={join("table-container", className)} {...props} />
);

export const Table: FC<HTMLAttributes<HTMLTableElement>> = ({ className, ...props }) => (
  <table className={join("table", className)} {...props} />
);

export const TableHeader: FC<HTMLAttributes<HTMLTableSectionElement>> = (props) => <thead {...props} />;

export const TableBody: FC<HTMLAttributes<HTMLTableSectionElement>> = (props) => <tbody {...props} />;

export const TableRow: FC<HTMLAttributes<HTMLTableRowElement>> = (props) => <tr {...props} />;

export const TableHead: FC<ThHTMLAttributes<HTMLTableCellElement>> = ({ scope = "col", ...props }) => (
  <th scope={scope} {...props} />
);

export const TableCell: FC<TdHTMLAttributes<HTMLTableCellElement>> = (props) => <td {...props} />;
