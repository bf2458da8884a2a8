import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, it } from "vitest";
import { reportRowsFromCells } from "../../../core/domain/spendReport";
import { AI_SPEND_EXPORT_HEADER } from "../../../core/domain/spendExport";
import { rowsSource } from "./parseExport";
import { SpendReportView } from "./SpendReportView";

const cells = (i: number) => [
  `u${i}`,
  `user${String(i).padStart(3, "0")}`,
  "g",
  "developers",
  "o",
  "coder",
  "gpt-5",
  "openai",
  "openai",
  "10",
  "1",
  "0",
  "0",
  String((i + 1) * 1_000_000),
  "2026-11-01T00:00:00Z",
  "2026-12-01T00:00:00Z",
];

it("draws a large breakdown 50 lines at a time, sorted over all of them", async () => {
  const rows = reportRowsFromCells([[...AI_SPEND_EXPORT_HEADER], ...Array.from({ length: 120 }, (_, i) => cells(i))]);
  const user = userEvent.setup();
  render(<SpendReportView source={rowsSource(rows)} filename="x.csv" onDownload={() => {}} />);
  const byUser = await screen.findByRole("table", { name: "By user" });
  // The highest cost first: user119 spent $120.
  expect(within(byUser).getAllByRole("rowheader")[0]).toHaveTextContent("user119");
  expect(within(byUser).getAllByRole("row")).toHaveLength(1 + 50 + 1);
  await user.click(screen.getByRole("button", { name: "Show 50 more of 120 in by user" }));
  await user.click(screen.getByRole("button", { name: "Show 20 more of 120 in by user" }));
  expect(within(byUser).getAllByRole("row")).toHaveLength(1 + 120 + 1);
  expect(screen.queryByRole("button", { name: /more of 120 in by user/ })).not.toBeInTheDocument();
  expect(within(byUser).getByRole("row", { name: /^Total 1,200 120 0 0 \$7,260\.00$/ })).toBeInTheDocument();
});

it("refuses a file that is not Coder's export", () => {
  expect(() => reportRowsFromCells([["a", "b"]])).toThrow("The spend export did not start with Coder's header.");
  const bad = cells(1);
  bad[13] = "1.5";
  expect(() => reportRowsFromCells([[...AI_SPEND_EXPORT_HEADER], bad])).toThrow(
    'Row 2 of the spend export has "1.5" as cost_micros.',
  );
});
