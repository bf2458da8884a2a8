import type { Meta, StoryObj } from "@storybook/react-vite";
import type { FC } from "react";
import { expect, within } from "storybook/test";
import { linesBy, type ReportRow } from "../../../core/domain/spendReport";
import { REPORT_ROWS, reportRow } from "./reportStoryRows";
import { SpendChart } from "./SpendChart";

/** The chart of export rows by model, as the report page draws it. */
const ByModel: FC<{ rows: ReportRow[]; limit?: number }> = ({ rows, limit }) => (
  <SpendChart title="Spend by model" lines={linesBy(rows, "model")} limit={limit} />
);

const meta = {
  title: "pages/SpendReportPage/SpendChart",
  component: ByModel,
  args: { rows: REPORT_ROWS },
} satisfies Meta<typeof ByModel>;

export default meta;
type Story = StoryObj<typeof meta>;

const bars = (canvasElement: HTMLElement) =>
  within(within(canvasElement).getByRole("list", { name: "Spend by model" })).getAllByRole("listitem");

/** Several models, the largest first, each bar labelled with its amount. */
export const SeveralModels: Story = {
  play: async ({ canvasElement }) => {
    const items = bars(canvasElement);
    await expect(items[0]).toHaveTextContent("claude-haiku-4-5$630.00");
    await expect(items.at(-1)).toHaveTextContent("gpt-5-mini$2.50");
  },
};

/** One model: one full bar. */
export const OneModel: Story = {
  args: { rows: [reportRow("bob", "developers", "gpt-5", "openai", "522", 104_400_000)] },
  play: async ({ canvasElement }) => {
    await expect(bars(canvasElement)).toHaveLength(1);
  },
};

/** More models than the chart shows: the eight largest (the tables hold every line). */
export const ManyModels: Story = {
  args: {
    rows: Array.from({ length: 12 }, (_, i) =>
      reportRow("bob", "developers", `model-${i + 1}`, "openai", `${(12 - i) * 10}.00`, 1_000),
    ),
  },
  play: async ({ canvasElement }) => {
    await expect(bars(canvasElement)).toHaveLength(8);
    await expect(bars(canvasElement)[0]).toHaveTextContent("model-1$120.00");
  },
};

/** Spend of nothing yet: empty bars, amounts still said. */
export const NothingSpent: Story = {
  args: { rows: [reportRow("bob", "developers", "gpt-5", "openai", "0", 0)] },
  play: async ({ canvasElement }) => {
    await expect(bars(canvasElement)[0]).toHaveTextContent("gpt-5$0.00");
  },
};
