import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import type { ComponentProps } from "react";
import { MockGroup, MockPeriod } from "../../testHelpers/entities";
import { dollarsToMicros } from "../../../core/currency";
import { MyAISpendPageView } from "./MyAISpendPageView";

const MID_MONTH = new Date("2026-11-16T05:24:00.000Z");

/** The view's props with the spend in dollars, as a designer reads it, instead of the API's micros. */
type Args = Omit<ComponentProps<typeof MyAISpendPageView>, "spend"> & {
  /** False: the spend has not arrived (loading, or failed with `error`). */
  loaded: boolean;
  /** Spent this month, in USD. */
  spentUsd: number;
  /** The monthly limit in USD; null: none. */
  limitUsd: number | null;
  limitSource: "group" | "user_override";
  /** Governed by the organization's Everyone group rather than a group of its own. */
  byEveryone: boolean;
};
const micros = (usd: number) => dollarsToMicros(String(usd));
const fact = (canvasElement: HTMLElement, term: string) =>
  within(canvasElement).getByText(term, { selector: "dt" }).nextElementSibling as HTMLElement;

const meta = {
  title: "pages/MyAISpendPage/MyAISpendPageView",
  render: ({ loaded, spentUsd, limitUsd, limitSource, byEveryone, ...args }) => (
    <MyAISpendPageView
      {...args}
      spend={
        loaded
          ? {
              user_id: "u",
              effective_group_id: byEveryone ? "org" : MockGroup.id,
              effective_budget:
                limitUsd === null ? null : { spend_limit_micros: micros(limitUsd), limit_source: limitSource },
              current_spend_micros: micros(spentUsd),
              ...MockPeriod,
            }
          : undefined
      }
    />
  ),
  argTypes: {
    spentUsd: { control: { type: "number", min: 0, step: 0.01 } },
    limitUsd: { control: { type: "number", min: 0, step: 0.01 } },
    limitSource: { control: "inline-radio", options: ["group", "user_override"] },
  },
  args: {
    loaded: true,
    spentUsd: 312.5,
    limitUsd: 1_000,
    limitSource: "group",
    byEveryone: false,
    governingGroupName: "Developers",
    governedByEveryone: false,
    error: undefined,
    onRetry: fn(),
    now: MID_MONTH,
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Mid-month, under the limit at this pace. */
export const ForecastUnder: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("$312.50 / $1,000.00")).toBeVisible();
    await expect(fact(canvasElement, "Set by")).toHaveTextContent(
      "The budget of Developers, the highest of your groups.",
    );
    await expect(fact(canvasElement, "Pace")).toHaveTextContent("On pace for $615.76 this month.");
  },
};

/** Mid-month, the pace reaches the limit before the reset. */
export const ForecastOver: Story = {
  args: { spentUsd: 870 },
  play: async ({ canvasElement }) => {
    await expect(fact(canvasElement, "Pace")).toHaveTextContent(
      "On pace for $1,714.29 this month. Reaches the limit around November 18.",
    );
  },
};

export const LimitReached: Story = {
  args: { spentUsd: 1_050 },
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
  args: { spentUsd: 120, limitUsd: 9_000, limitSource: "user_override" },
  play: async ({ canvasElement }) => {
    await expect(fact(canvasElement, "Set by")).toHaveTextContent("Custom limit, charged to Developers.");
    await expect(fact(canvasElement, "Monthly limit")).toHaveTextContent("$9,000.00");
  },
};

export const Unlimited: Story = {
  args: { spentUsd: 25_492, limitUsd: null, byEveryone: true, governingGroupName: undefined, governedByEveryone: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("$25,492.00 / Unlimited")).toBeVisible();
    await expect(fact(canvasElement, "Set by")).toHaveTextContent("No budget: the Everyone group sets no limit.");
  },
};

export const Loading: Story = {
  args: { loaded: false },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent("Loading your AI spend");
  },
};

export const LoadError: Story = {
  args: { loaded: false, error: new Error("Database unavailable.") },
  play: async ({ canvasElement, args }) => {
    await expect(within(canvasElement).getByText("Could not load your AI spend.")).toBeVisible();
    await userEvent.click(within(canvasElement).getByRole("button"));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

/** Nothing spent yet this month: says when spend will show. */
export const NoSpendYet: Story = {
  args: { spentUsd: 0 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("No AI spend yet this month.")).toBeVisible();
  },
};

/** No budget anywhere: unlimited, from the Everyone group. */
export const NoBudgetAnywhere: Story = {
  args: { spentUsd: 25, limitUsd: null, governedByEveryone: true },
  play: async ({ canvasElement }) => {
    await expect(fact(canvasElement, "Set by")).toHaveTextContent("No budget: the Everyone group sets no limit.");
  },
};
