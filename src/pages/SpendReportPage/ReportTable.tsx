import { useState, type FC } from "react";
import { sortLines, type ReportLine, type SortColumn } from "../../../core/domain/spendReport";
import { formatMicrosAsUSD, formatMicrosAsUSDCents } from "../../../core/currency";
import { Button } from "../../components/ui/Button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../../components/ui/Table";

const COLUMNS: [SortColumn, string][] = [
  ["input_tokens", "Input tokens"],
  ["output_tokens", "Output tokens"],
  ["cache_read_tokens", "Cache read tokens"],
  ["cache_write_tokens", "Cache write tokens"],
  ["cost_micros", "Cost"],
];

const count = (n: number) => n.toLocaleString("en-US");

/** Lines rendered at first, and added by each "Show more": 2,000 users are sorted at once but drawn a page at a time. */
export const REPORT_PAGE_LINES = 50;

/** One breakdown (by user, group, model or provider), sortable by any column; the highest cost first. */
export const ReportTable: FC<{ title: string; nameHeader: string; lines: ReportLine[]; total: ReportLine }> = ({
  title,
  nameHeader,
  lines,
  total,
}) => {
  const [sort, setSort] = useState<{ column: SortColumn; direction: "ascending" | "descending" }>({
    column: "cost_micros",
    direction: "descending",
  });
  const [visible, setVisible] = useState(REPORT_PAGE_LINES);
  const sorted = sortLines(lines, sort.column, sort.direction);
  const rest = sorted.length - visible;
  const header = (column: SortColumn, label: string) => (
    <TableHead key={column} aria-sort={sort.column === column ? sort.direction : "none"}>
      <button
        type="button"
        className="cursor-pointer border-0 bg-transparent p-0 font-semibold text-inherit"
        onClick={() =>
          setSort({
            column,
            direction:
              sort.column === column && sort.direction === "descending"
                ? "ascending"
                : column === "label" && sort.column !== column
                  ? "ascending"
                  : "descending",
          })
        }
      >
        {label}
      </button>
    </TableHead>
  );
  return (
    <>
      <Table className="my-4">
        <caption className="px-0 py-1 text-left font-semibold">{title}</caption>
        <TableHeader>
          <TableRow>
            {header("label", nameHeader)}
            {COLUMNS.map(([column, label]) => header(column, label))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.slice(0, visible).map((line) => (
            <TableRow key={line.key}>
              <TableHead scope="row">{line.label}</TableHead>
              <TableCell>{count(line.input_tokens)}</TableCell>
              <TableCell>{count(line.output_tokens)}</TableCell>
              <TableCell>{count(line.cache_read_tokens)}</TableCell>
              <TableCell>{count(line.cache_write_tokens)}</TableCell>
              <TableCell title={formatMicrosAsUSD(line.cost_micros)}>
                {formatMicrosAsUSDCents(line.cost_micros)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
        <tfoot>
          <TableRow>
            <TableHead scope="row">Total</TableHead>
            <TableCell>{count(total.input_tokens)}</TableCell>
            <TableCell>{count(total.output_tokens)}</TableCell>
            <TableCell>{count(total.cache_read_tokens)}</TableCell>
            <TableCell>{count(total.cache_write_tokens)}</TableCell>
            <TableCell title={formatMicrosAsUSD(total.cost_micros)}>
              {formatMicrosAsUSDCents(total.cost_micros)}
            </TableCell>
          </TableRow>
        </tfoot>
      </Table>
      {rest > 0 && (
        <Button size="small" onClick={() => setVisible(visible + REPORT_PAGE_LINES)}>
          Show {Math.min(rest, REPORT_PAGE_LINES).toLocaleString("en-US")} more of{" "}
          {sorted.length.toLocaleString("en-US")} in {title.toLowerCase()}
        </Button>
      )}
    </>
  );
};
