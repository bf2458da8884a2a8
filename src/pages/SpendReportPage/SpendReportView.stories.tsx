import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import type { ReportRow } from "../../domain/spendReport";
import { rowsSource } from "./parseExport";
import { SpendReportView } from "./SpendReportView";

const row = (username: string, group: string, model: string, provider: string, usd: number, tokens: number): ReportRow => {
  const cells = [`id-${username}`, username, `g-${group}`, group, "org", "coder", model, provider, provider, String(tokens), String(tokens / 10), "0", "0", String(usd * 1_000_000), "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"];
  return {
    user_id: `id-${username}`,
    username,
    group_id: `g-${group}`,
    group_name: group,
    model,
    provider,
    provider_name: provider,
    input_tokens: tokens,
    output_tokens: tokens / 10,
    cache_read_tokens: 0,
    cache_write_tokens: 0,
    cost_micros: BigInt(usd * 1_000_000),
    cells,
  };
};

const MANY = [
  row("bob", "developers", "gpt-5", "openai", 522, 104_400_000),
  row("bob", "developers", "claude-sonnet-4-5", "anthropic", 261, 39_150_000),
  row("carol", "developers", "claude-haiku-4-5", "anthropic", 630, 378_000_000),
  row("alice", "developers", "gemini-2.5-pro", "google", 187.5, 46_875_000),
  row("judy", "contractors", "gpt-5-mini", "openai", 2.5, 3_750_000),
  row("grace", "Everyone", "gpt-5", "openai", 24, 4_800_000),
];

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
    await expect(within(canvas.getByRole("table", { name: "By user" })).getAllByRole("rowheader")[0]).toHaveTextContent("bob");
  },
};

/** One model only. */
export const OneModel: Story = {
  args: { source: rowsSource([row("bob", "developers", "gpt-5", "openai", 522, 104_400_000)]) },
  play: async ({ canvasElement }) => {
    await expect(within(await within(canvasElement).findByRole("list", { name: "Spend by model" })).getAllByRole("listitem")).toHaveLength(1);
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
