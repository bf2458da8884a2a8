import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { Button } from "./Button";
import { Callout } from "./Callout";

const meta = {
  title: "components/Callout",
  component: Callout,
  args: {
    severity: "info",
    title: "AI budget period",
    children: <p>Spend is approximate and may lag by a few minutes.</p>,
  },
  argTypes: { severity: { control: "inline-radio", options: ["info", "warning", "error", "success"] } },
} satisfies Meta<typeof Callout>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Info: Story = {};

export const Warning: Story = {
  args: {
    severity: "warning",
    title: "4 members will be blocked at once",
    children: <p>They have already spent $25.00 or more this month.</p>,
  },
};

// biome-ignore lint/suspicious/noShadowRestrictedNames: the story's name is the variant's; it names the baseline picture.
export const Error: Story = {
  args: {
    severity: "error",
    role: "alert",
    title: "Could not load the groups.",
    actions: <Button>Retry</Button>,
    children: <p>Database unavailable.</p>,
  },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole("alert");
    await expect(alert).toHaveTextContent("Could not load the groups.");
    await expect(within(alert).getByRole("button", { name: "Retry" })).toBeVisible();
  },
};

export const Success: Story = {
  args: { severity: "success", title: "Saved", children: <p>The new budget applies from now on.</p> },
};
