import type { Meta, StoryObj } from "@storybook/react-vite";
import { Users } from "lucide-react";
import { expect, within } from "storybook/test";
import { Button } from "./Button";
import { EmptyState } from "./EmptyState";

const meta = {
  title: "components/EmptyState",
  component: EmptyState,
  args: {
    title: "This group has no members yet.",
    description: "Members are added in Coder's dashboard or synced from your identity provider.",
    icon: <Users size={32} />,
  },
} satisfies Meta<typeof EmptyState>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("This group has no members yet.")).toBeVisible();
  },
};

export const WithAction: Story = {
  args: {
    title: "No AI spend yet this month.",
    description: "Spend shows here once a member uses AI.",
    action: <Button>Refresh</Button>,
  },
};
