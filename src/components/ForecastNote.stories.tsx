import type { Meta, StoryObj } from "@storybook/react-vite";
import type { FC } from "react";
import { expect, within } from "storybook/test";
import { MockPeriod } from "../testHelpers/entities";
import { atTime } from "../testHelpers/clock";
import { dollarsToMicros } from "../../core/currency";
import { ForecastNote } from "./ForecastNote";

/** The note with its amounts in dollars, as a designer sets them ("" for no limit). */
const ForecastNoteInDollars: FC<{ spentUSD: string; limitUSD: string }> = ({ spentUSD, limitUSD }) => (
  <ForecastNote
    spentMicros={dollarsToMicros(spentUSD)}
    limitMicros={limitUSD.trim() === "" ? null : dollarsToMicros(limitUSD)}
    periodStart={MockPeriod.period_start}
    periodEnd={MockPeriod.period_end}
  />
);

const meta = {
  title: "components/ForecastNote",
  component: ForecastNoteInDollars,
  args: { spentUSD: "312.50", limitUSD: "1000" },
  argTypes: {
    spentUSD: { control: "text", description: "Spent this period, in dollars" },
    limitUSD: { control: "text", description: "The governing limit in dollars; empty for none" },
  },
  // Mid-period (November 2026), so each story's line reads the same on every run.
  decorators: [atTime("2026-11-16T05:24:00.000Z")],
} satisfies Meta<typeof ForecastNoteInDollars>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Under the limit at this pace: the pace only. */
export const UnderTheLimit: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("On pace for $615.76 this month")).toBeVisible();
    await expect(canvas.queryByText(/Reaches the limit/)).not.toBeInTheDocument();
  },
};

/** The pace crosses the limit before the reset: the day it does. */
export const ReachesTheLimit: Story = {
  args: { spentUSD: "870" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("On pace for $1,714.29 this month")).toBeVisible();
    await expect(canvas.getByText("Reaches the limit around November 18")).toBeVisible();
  },
};

/** No limit: the pace, and no day. */
export const NoLimit: Story = {
  args: { spentUSD: "2377.49", limitUSD: "" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("On pace for $4,684.71 this month")).toBeVisible();
    await expect(canvas.queryByText(/Reaches the limit/)).not.toBeInTheDocument();
  },
};

/** The limit is already reached: nothing (the meter says so). */
export const LimitReached: Story = {
  args: { spentUSD: "1050" },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByText(/On pace/)).not.toBeInTheDocument();
  },
};

/** The period's first days: nothing, one busy morning is not a pace. */
export const FirstDays: Story = {
  decorators: [atTime("2026-11-02T12:00:00.000Z")],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByText(/On pace/)).not.toBeInTheDocument();
  },
};

/** The line explains itself on focus. */
export const Explained: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    canvas.getByText("On pace for $615.76 this month").focus();
    await expect(await within(canvasElement.ownerDocument.body).findByRole("tooltip")).toHaveTextContent(
      "A straight line from this period's spend so far",
    );
  },
};
