import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, within } from "storybook/test";
import { OrganizationsSpendView } from "./OrganizationsSpendView";

const CODER = "00000000-0000-4000-8000-000000000001";
const RESEARCH = "00000000-0000-4000-8000-000000000002";

const meta = {
  title: "pages/MyAISpendPage/OrganizationsSpendView",
  component: OrganizationsSpendView,
  args: {
    spend: {
      organization_id: RESEARCH,
      period_start: "2026-11-01T00:00:00Z",
      period_end: "2026-12-01T00:00:00Z",
      organizations: [
        {
          organization_id: CODER,
          organization_name: "coder",
          organization_display_name: "Coder",
          effective_group_id: "00000000-0000-4000-8000-0000000000aa",
          effective_budget: { spend_limit_micros: 1_000_000_000, limit_source: "group" },
          current_spend_micros: 120_000_000,
        },
        {
          organization_id: RESEARCH,
          organization_name: "research",
          organization_display_name: "Research",
          effective_group_id: "00000000-0000-4000-8000-0000000000bb",
          effective_budget: { spend_limit_micros: 2_500_000_000, limit_source: "group" },
          current_spend_micros: 2_240_000_000,
        },
      ],
    },
    error: undefined,
    onRetry: fn(),
  },
} satisfies Meta<typeof OrganizationsSpendView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A member of two organizations: the budget and spend read back for each. */
export const TwoOrganizations: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("$120.00 / $1,000.00")).toBeVisible();
    await expect(canvas.getByText("$2,240.00 / $2,500.00")).toBeVisible();
    await expect(canvas.getByText("Where requests outside a workspace are charged")).toBeVisible();
  },
};

/** The read failed. */
export const Failed: Story = {
  args: { spend: undefined, error: new Error("Network Error") },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Could not load your AI spend by organization.")).toBeVisible();
  },
};
