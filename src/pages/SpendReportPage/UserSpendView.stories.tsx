import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import type { AISpendReportUser, AISpendUsersReport } from "../../../core/types";
import { UserSpendView } from "./UserSpendView";

const person = (username: string, cost: number, extra: Partial<AISpendReportUser> = {}): AISpendReportUser => ({
  user_id: `user-${username}`,
  username,
  name: username[0]!.toUpperCase() + username.slice(1),
  avatar_url: "",
  organization_id: "00000000-0000-4000-8000-000000000001",
  cost_micros: cost,
  unpriced_usage_count: 0,
  providers: ["anthropic", "openai"],
  models: ["claude-sonnet-4-5", "gpt-5"],
  clients: ["Claude Code"],
  ...extra,
});

const REPORT: AISpendUsersReport = {
  period_start: "2026-11-01T00:00:00Z",
  period_end: "2026-12-01T00:00:00Z",
  count: 23,
  totals: { cost_micros: 4_838_999_000, unpriced_usage_count: 0 },
  users: [
    person("carol", 1_050_000_000),
    person("bob", 870_000_000),
    person("alice", 726_999_000, { clients: ["Cursor", "Claude Code"] }),
    person("grace", 120_500_000, { providers: ["google"], models: ["gemini-2.5-pro"], clients: [] }),
  ],
};

const meta = {
  title: "pages/SpendReportPage/UserSpendView",
  component: UserSpendView,
  args: {
    report: REPORT,
    filters: {},
    onFiltersChange: fn(),
    offset: 0,
    onOffsetChange: fn(),
    error: undefined,
    onRetry: fn(),
  },
} satisfies Meta<typeof UserSpendView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The first page: most expensive first, money to the cent with the exact amount in a tooltip. */
export const FirstPage: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const alice = canvas.getByRole("row", { name: /^alice/ });
    await expect(within(alice).getAllByRole("cell").at(-1)).toHaveTextContent("$727.00");
    await expect(within(alice).getAllByRole("cell").at(-1)).toHaveAttribute("title", "$726.999");
    await expect(canvas.getByText("Users 1–4 of 23")).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Previous" })).toBeDisabled();
    await userEvent.click(canvas.getByRole("button", { name: "Next" }));
    await expect(args.onOffsetChange).toHaveBeenCalledWith(10);
  },
};

/** Filters go to the server: typed, then applied with Filter. */
export const Filtering: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("Users by client"), " Cursor ");
    await userEvent.click(canvas.getByRole("button", { name: "Filter" }));
    await expect(args.onFiltersChange).toHaveBeenCalledWith({ client: "Cursor" });
  },
};

/** Unpriced usage, and a period the retention window cut short. */
export const UnpricedAndRetention: Story = {
  args: {
    report: {
      ...REPORT,
      retention_start: "2026-11-03T09:00:00Z",
      period_start: "2026-11-03T09:00:00Z",
      totals: { ...REPORT.totals, unpriced_usage_count: 3 },
      users: [person("bob", 870_000_000, { unpriced_usage_count: 3 })],
      count: 1,
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/3 requests used a model with no price configured/)).toBeVisible();
    await expect(canvas.getByText(/Usage before November 3, 2026 at 9:00 AM UTC/)).toBeVisible();
  },
};

/** Nothing matches the filters. */
export const NoMatch: Story = {
  args: { report: { ...REPORT, count: 0, users: [], totals: { cost_micros: 0, unpriced_usage_count: 0 } } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("No spend matches these filters.")).toBeVisible();
  },
};

/** The page could not be read. */
export const Failed: Story = {
  args: { report: undefined, error: new Error("Network Error") },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: /retry/i }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};
