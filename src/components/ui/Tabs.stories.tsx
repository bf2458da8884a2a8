import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { Tabs } from "./Tabs";

const meta = {
  title: "components/Tabs",
  component: Tabs,
  args: {
    label: "Spend by",
    tabs: [
      { value: "user", label: "User", content: <p>Spend by user.</p> },
      { value: "model", label: "Model", content: <p>Spend by model.</p> },
    ],
  },
} satisfies Meta<typeof Tabs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Arrow keys move between tabs, as in any tab list. */
export const Keyboard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Spend by user.")).toBeVisible();
    await userEvent.click(canvas.getByRole("tab", { name: "User" }));
    await userEvent.keyboard("{ArrowRight}");
    await expect(canvas.getByRole("tab", { name: "Model" })).toHaveAttribute("aria-selected", "true");
    await expect(canvas.getByText("Spend by model.")).toBeVisible();
  },
};
