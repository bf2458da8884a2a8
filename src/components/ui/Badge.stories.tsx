import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { Badge } from "./Badge";

const meta = {
  title: "components/Badge",
  component: Badge,
  args: { children: "Near the limit", variant: "warning" },
  argTypes: { variant: { control: "inline-radio", options: ["neutral", "success", "warning", "error", "info"] } },
} satisfies Meta<typeof Badge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Warning: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Near the limit")).toBeVisible();
  },
};

// biome-ignore lint/suspicious/noShadowRestrictedNames: the story's name is the variant's; it names the baseline picture.
export const Error: Story = { args: { variant: "error", children: "Over the limit" } };

export const AllVariants: Story = {
  render: () => (
    <div style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
      <Badge>Neutral</Badge>
      <Badge variant="success">Within budget</Badge>
      <Badge variant="warning">Near the limit</Badge>
      <Badge variant="error">Over the limit</Badge>
      <Badge variant="info">Custom limit</Badge>
    </div>
  ),
};
