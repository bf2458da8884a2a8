import { useState, type FC } from "react";
import { sortLines, type ReportLine, type SortColumn } from "../../../core/domain/spendReport";
import { formatMicrosAsUSD, formatMicrosAsUSDCents } from "../../../core/currency";
import { Button } from "../../components/ui/Button";

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
    <th key={column} scope="col" aria-sort={sort.column === column ? sort.direction : "none"}>
      <button
        type="button"
        className="sort-button"
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
    </th>
  );
  return (
    <>
      <table className="table report-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            {header("label", nameHeader)}
            {COLUMNS.map(([column, label]) => header(column, label))}
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, visible).map((line) => (
            <tr key={line.key}>
              <th scope="row">{line.label}</th>
              <td>{count(line.input_tokens)}</td>
              <td>{count(line.output_tokens)}</td>
              <td>{count(line.cache_read_tokens)}</td>
              <td>{count(line.cache_write_tokens)}</td>
              <td title={formatMicrosAsUSD(line.cost_micros)}>{formatMicrosAsUSDCents(line.cost_micros)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{count(total.input_tokens)}</td>
            <td>{count(total.output_tokens)}</td>
            <td>{count(total.cache_read_tokens)}</td>
            <td>{count(total.cache_write_tokens)}</td>
            <td title={formatMicrosAsUSD(total.cost_micros)}>{formatMicrosAsUSDCents(total.cost_micros)}</td>
          </tr>
        </tfoot>
      </table>
      {rest > 0 && (
        <Button size="small" onClick={() => setVisible(visible + REPORT_PAGE_LINES)}>
          Show {Math.min(rest, REPORT_PAGE_LINES).toLocaleString("en-US")} more of{" "}
          {sorted.length.toLocaleString("en-US")} in {title.toLowerCase()}
        </Button>
      )}
    </>
  );
};
