import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { rowsSource } from "./parseExport";
import { REPORT_ROWS, reportRow } from "./reportStoryRows";
import { SpendReportView } from "./SpendReportView";

const MANY = REPORT_ROWS;

const meta = {
  title: "pages/SpendReportPage/SpendReportView",
  component: SpendReportView,
  args: { source: rowsSource(MANY), filename: "ai-spend-export-coder-2026-11-01-to-2026-12-01.csv", onDownload: fn() },
} satisfies Meta<typeof SpendReportView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Several users, groups, models and providers. */
export const ManyModels: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("status")).toHaveTextContent("$1,627.00 in total");
    const byModel = canvas.getByRole("list", { name: "Spend by model" });
    await expect(within(byModel).getAllByRole("listitem")[0]).toHaveTextContent("claude-haiku-4-5$630.00");
    await expect(within(canvas.getByRole("table", { name: "By user" })).getAllByRole("rowheader")[0]).toHaveTextContent(
      "bob",
    );
  },
};

/** One model only. */
export const OneModel: Story = {
  args: { source: rowsSource([reportRow("bob", "developers", "gpt-5", "openai", "522", 104_400_000)]) },
  play: async ({ canvasElement }) => {
    await expect(
      within(await within(canvasElement).findByRole("list", { name: "Spend by model" })).getAllByRole("listitem"),
    ).toHaveLength(1);
  },
};

/** A period with no usage. */
export const EmptyPeriod: Story = {
  args: { source: rowsSource([]) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("No AI spend in this period.")).toBeVisible();
  },
};

/** Filtered to one provider, then downloaded: the file holds exactly those rows. */
export const FilteredAndDownloaded: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(await canvas.findByLabelText("Provider"), "anthropic");
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("$891.00 in total"));
    await userEvent.click(canvas.getByRole("button", { name: "Download CSV" }));
    await waitFor(() => expect(args.onDownload).toHaveBeenCalledTimes(1));
    const [csv, filename] = (args.onDownload as ReturnType<typeof fn>).mock.calls[0] as [string, string];
    await expect(csv.trimEnd().split("\n")).toHaveLength(3);
    await expect(filename).toBe("ai-spend-export-coder-2026-11-01-to-2026-12-01.csv");
  },
};

/** Filters that match nothing. */
export const NoMatch: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(await canvas.findByLabelText("User"), "id-judy");
    await userEvent.selectOptions(canvas.getByLabelText("Model"), "gpt-5");
    await expect(await canvas.findByText("No spend matches these filters.")).toBeVisible();
  },
};
