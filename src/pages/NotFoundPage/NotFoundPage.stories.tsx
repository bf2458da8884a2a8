import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { AppAt } from "../../testHelpers/storyApp";

const meta = {
  title: "pages/NotFoundPage",
  render: () => <AppAt path="/no/such/page" />,
  parameters: { layout: "fullscreen" },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** An address the app has no page for: inside the signed-in frame, with a way back. */
export const UnknownAddress: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(canvas.getByRole("link", { name: "Back to the start" })).toHaveAttribute("href", "/");
  },
};

/** A group that does not exist, or that the user may not see. */
export const UnknownGroup: Story = {
  render: () => <AppAt path="/organizations/coder/groups/no-such-group" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("heading", { name: "Group not found" })).toBeVisible();
    await expect(canvas.getByRole("link", { name: "Back to groups" })).toBeVisible();
  },
};

export const Phone: Story = {
  globals: { viewport: { value: "narrow" } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};
