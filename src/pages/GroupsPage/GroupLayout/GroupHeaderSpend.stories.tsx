import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { GroupHeaderSpendView } from "./GroupHeaderSpend";

const meta = {
  title: "pages/GroupsPage/GroupHeaderSpend",
  component: GroupHeaderSpendView,
  args: {
    groupName: "developers",
    spend: {
      period_start: "2026-11-01T00:00:00Z",
      period_end: "2026-12-01T00:00:00Z",
      group_id: "00000000-0000-4000-8000-0000000000aa",
      spend_limit_micros: 1_000_000_000,
      total_spend_limit_micros: 6_000_000_000,
      current_spend_micros: 2_377_490_000,
    },
  },
} satisfies Meta<typeof GroupHeaderSpendView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A budgeted group: spend against the limit of the members it governs. */
export const Limited: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("$2,377.49 / $6,000.00")).toBeVisible();
  },
};

/** A group without a budget of its own. */
export const Unlimited: Story = {
  args: {
    spend: {
      period_start: "2026-11-01T00:00:00Z",
      period_end: "2026-12-01T00:00:00Z",
      group_id: "00000000-0000-4000-8000-0000000000aa",
      spend_limit_micros: null,
      total_spend_limit_micros: null,
      current_spend_micros: 310_000_000,
    },
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("$310.00 / Unlimited")).toBeVisible();
  },
};
