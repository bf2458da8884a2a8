import type { Meta, StoryObj } from "@storybook/react-vite";
import { MemoryRouter } from "react-router";
import { expect, within } from "storybook/test";
import { NotFoundView } from "./NotFoundView";

/** What a 404 says, and the way back it offers (no Retry: asking again does not help). */
const meta = {
  title: "pages/NotFoundPage/NotFoundView",
  component: NotFoundView,
  decorators: [
    (Story) => (
      <MemoryRouter>
        <Story />
      </MemoryRouter>
    ),
  ],
  args: {
    title: "Group not found",
    description: "There is no group named “ml-research” in this organization.",
    backTo: "/organizations/coder/groups",
    backLabel: "Back to the groups",
  },
} satisfies Meta<typeof NotFoundView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WayBack: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("heading", { name: "Group not found" })).toBeVisible();
    await expect(canvas.getByRole("link", { name: "Back to the groups" })).toHaveAttribute(
      "href",
      "/organizations/coder/groups",
    );
    await expect(canvas.queryByRole("button", { name: /retry/i })).not.toBeInTheDocument();
  },
};
