import type { Meta, StoryObj } from "@storybook/react-vite";
import type { FC } from "react";
import { expect, userEvent, within } from "storybook/test";
import { linesBy, totalOf, type ReportDimension, type ReportRow } from "../../../core/domain/spendReport";
import { ReportTable } from "./ReportTable";
import { REPORT_ROWS, reportRow } from "./reportStoryRows";

const TITLES: Record<ReportDimension, [title: string, nameHeader: string]> = {
  user: ["By user", "User"],
  group: ["By group", "Group"],
  model: ["By model", "Model"],
  provider: ["By provider", "Provider"],
};

/** One breakdown of export rows, as the report page draws it. */
const Breakdown: FC<{ rows: ReportRow[]; by: ReportDimension }> = ({ rows, by }) => {
  const [title, nameHeader] = TITLES[by];
  return <ReportTable title={title} nameHeader={nameHeader} lines={linesBy(rows, by)} total={totalOf(rows)} />;
};

const meta = {
  title: "pages/SpendReportPage/ReportTable",
  component: Breakdown,
  args: { rows: REPORT_ROWS, by: "user" },
  argTypes: { by: { control: "inline-radio", options: ["user", "group", "model", "provider"] } },
} satisfies Meta<typeof Breakdown>;

export default meta;
type Story = StoryObj<typeof meta>;

const rowHeaders = (canvasElement: HTMLElement) =>
  within(within(canvasElement).getByRole("table"))
    .getAllByRole("rowheader")
    .map((cell) => cell.textContent);

/** By user, the highest cost first, with the total. */
export const ByUser: Story = {
  play: async ({ canvasElement }) => {
    await expect(rowHeaders(canvasElement)).toEqual(["bob", "carol", "alice", "grace", "judy", "Total"]);
    const total = within(canvasElement).getByRole("row", { name: /^Total/ });
    await expect(within(total).getAllByRole("cell").at(-1)).toHaveTextContent("$1,627.00");
  },
};

/** By model. */
export const ByModel: Story = {
  args: { by: "model" },
  play: async ({ canvasElement }) => {
    await expect(rowHeaders(canvasElement)[0]).toBe("claude-haiku-4-5");
  },
};

/** Sorted by name, after a click on the column's header. */
export const SortedByName: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "User" }));
    await expect(canvas.getByRole("columnheader", { name: "User" })).toHaveAttribute("aria-sort", "ascending");
    await expect(rowHeaders(canvasElement)).toEqual(["alice", "bob", "carol", "grace", "judy", "Total"]);
  },
};

/** More users than a page: the first 50, and a button for the next. */
export const ManyUsers: Story = {
  args: {
    rows: Array.from({ length: 120 }, (_, i) =>
      reportRow(
        `user-${String(i + 1).padStart(3, "0")}`,
        "developers",
        "gpt-5",
        "openai",
        `${120 - i}.00`,
        1_000 * (i + 1),
      ),
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(rowHeaders(canvasElement)).toHaveLength(51);
    await expect(canvas.getByRole("button", { name: "Show 50 more of 120 in by user" })).toBeVisible();
  },
};
