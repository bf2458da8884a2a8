import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import type { UserAISpend } from "../../api/types";
import { MockGroup, MockPeriod } from "../../testHelpers/entities";
import { MyAISpendPageView } from "./MyAISpendPageView";

const USD = 1_000_000;
const MID_MONTH = new Date("2026-11-16T05:24:00.000Z");
const spend = (spent: number, limit: number | null, source: "group" | "user_override" = "group"): UserAISpend => ({
  user_id: "u",
  effective_group_id: MockGroup.id,
  effective_budget: limit === null ? null : { spend_limit_micros: limit, limit_source: source },
  current_spend_micros: spent,
  ...MockPeriod,
});
const fact = (canvasElement: HTMLElement, term: string) =>
  within(canvasElement).getByText(term, { selector: "dt" }).nextElementSibling as HTMLElement;

const meta = {
  title: "pages/MyAISpendPage/MyAISpendPageView",
  component: MyAISpendPageView,
  args: {
    spend: spend(312_500_000, 1_000 * USD),
    governingGroupName: "Developers",
    governedByEveryone: false,
    error: undefined,
    onRetry: fn(),
    now: MID_MONTH,
  },
} satisfies Meta<typeof MyAISpendPageView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Mid-month, under the limit at this pace. */
export const ForecastUnder: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("$312.50 / $1,000.00 USD")).toBeVisible();
    await expect(fact(canvasElement, "Set by")).toHaveTextContent("The budget of Developers, the highest of your groups.");
    await expect(fact(canvasElement, "Pace")).toHaveTextContent("On pace for $615.76 this month.");
  },
};

/** Mid-month, the pace reaches the limit before the reset. */
export const ForecastOver: Story = {
  args: { spend: spend(870 * USD, 1_000 * USD) },
  play: async ({ canvasElement }) => {
    await expect(fact(canvasElement, "Pace")).toHaveTextContent("On pace for $1,714.29 this month. Reaches the limit around November 18.");
  },
};

export const LimitReached: Story = {
  args: { spend: spend(1_050 * USD, 1_000 * USD) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Over the limit")).toBeVisible();
    await expect(fact(canvasElement, "Pace")).toHaveTextContent(/^You have reached your limit/);
  },
};

export const FirstDays: Story = {
  args: { now: new Date("2026-11-02T09:00:00.000Z") },
  play: async ({ canvasElement }) => {
    await expect(fact(canvasElement, "Pace")).toHaveTextContent("A forecast shows from day 4 of the period.");
  },
};

export const CustomLimit: Story = {
  args: { spend: spend(120 * USD, 9_000 * USD, "user_override") },
  play: async ({ canvasElement }) => {
    await expect(fact(canvasElement, "Set by")).toHaveTextContent("Custom limit, charged to Developers.");
    await expect(fact(canvasElement, "Monthly limit")).toHaveTextContent("$9,000.00");
  },
};

export const Unlimited: Story = {
  args: { spend: { ...spend(25_492 * USD, null), effective_group_id: "org" }, governingGroupName: undefined, governedByEveryone: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("$25,492.00 / Unlimited USD")).toBeVisible();
    await expect(fact(canvasElement, "Set by")).toHaveTextContent("No budget: the Everyone group sets no limit.");
  },
};

export const Loading: Story = {
  args: { spend: undefined },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent("Loading your AI spend");
  },
};

export const LoadError: Story = {
  args: { spend: undefined, error: new Error("Database unavailable.") },
  play: async ({ canvasElement, args }) => {
    await expect(within(canvasElement).getByText("Could not load your AI spend.")).toBeVisible();
    await userEvent.click(within(canvasElement).getByRole("button"));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

/** Nothing spent yet this month: says when spend will show. */
export const NoSpendYet: Story = {
  args: { spend: spend(0, 1_000 * USD) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("No AI spend yet this month.")).toBeVisible();
  },
};

/** No budget anywhere: unlimited, from the Everyone group. */
export const NoBudgetAnywhere: Story = {
  args: { spend: spend(25_000_000, null), governedByEveryone: true },
  play: async ({ canvasElement }) => {
    await expect(fact(canvasElement, "Set by")).toHaveTextContent("No budget: the Everyone group sets no limit.");
  },
};
