import type { Meta, StoryObj } from "@storybook/react-vite";
import { delay, http, HttpResponse } from "msw";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { MockGroup } from "../../testHelpers/entities";
import { mockRecordUsage, mockSignIn } from "../../testHelpers/handlers";
import { AppAt, withHandlers } from "../../testHelpers/storyApp";
import { atTime } from "../../testHelpers/clock";

const exportPath = "*/api/v2/organizations/:organization/ai/spend/export";
const usage = (model: string, provider: string, usd: number) => ({
  model,
  provider,
  provider_name: provider,
  input_tokens: usd * 100_000,
  output_tokens: usd * 10_000,
  cache_read_tokens: 0,
  cache_write_tokens: 0,
  cost_micros: usd * 1_000_000,
});

const meta = {
  title: "pages/SpendReportPage",
  render: () => <AppAt path="/organizations/coder/ai-spend" />,
  parameters: { layout: "fullscreen" },
  beforeEach: () => {
    const at = new Date("2026-11-10T12:00:00Z");
    mockRecordUsage("bob", MockGroup.id, usage("gpt-5", "openai", 40), at);
    mockRecordUsage("carol", MockGroup.id, usage("claude-sonnet-4-5", "anthropic", 25), at);
  },
  decorators: [atTime("2026-11-16T05:24:00.000Z")],
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

export const ThisMonth: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // By model comes from the CSV (By user is paged on the server here, and may come first).
    await canvas.findByRole("table", { name: "By model" });
    await canvas.findByRole("table", { name: "By user" });
    await expect(canvas.getByRole("status")).toHaveTextContent("$65.00 in total");
    await expect(canvas.getByLabelText("From")).toHaveValue("2026-11-01");
    // The comparison with the span before (ReportTrend) settles before the picture is taken.
    const before = (await canvas.findByText("Total this period")).closest("dl")!;
    await waitFor(() => expect(before).not.toHaveTextContent("Loading…"));
  },
};

export const Loading: Story = {
  parameters: withHandlers(http.get(exportPath, () => delay("infinite"))),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("Loading the spend export")).toBeInTheDocument();
  },
};

export const LoadError: Story = {
  parameters: withHandlers(
    http.get(exportPath, () => HttpResponse.json({ message: "Database unavailable." }, { status: 500 })),
  ),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("Could not load the spend export.")).toBeVisible();
  },
};

export const NoPermission: Story = {
  beforeEach: () => mockSignIn("member"),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText("Only the organization's admins and auditors can see its spend report."),
    ).toBeVisible();
  },
};

/**
 * September 20 to November 16, 58 days: asked as two parts of at most 31 days
 * and shown as one report, bob's gpt-5 spend of both parts on one line.
 */
export const LongRange: Story = {
  beforeEach: () => {
    mockRecordUsage("bob", MockGroup.id, usage("gpt-5", "openai", 30), new Date("2026-10-05T09:00:00Z"));
    mockRecordUsage("alice", MockGroup.id, usage("gpt-5-mini", "openai", 12), new Date("2026-09-25T09:00:00Z"));
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("table", { name: "By model" });
    await userEvent.clear(canvas.getByLabelText("From"));
    await userEvent.type(canvas.getByLabelText("From"), "2026-09-20");
    await userEvent.clear(canvas.getByLabelText("To"));
    await userEvent.type(canvas.getByLabelText("To"), "2026-11-16");
    await userEvent.click(canvas.getByRole("button", { name: "Show" }));
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("$107.00 in total"));
    const byUser = within(canvas.getByRole("table", { name: "By user" }));
    await expect(byUser.getByRole("row", { name: /^bob .* \$70\.00$/ })).toBeInTheDocument();
    const before = (await canvas.findByText("Total this period")).closest("dl")!;
    await waitFor(() => expect(before).not.toHaveTextContent("Loading…"));
  },
};
