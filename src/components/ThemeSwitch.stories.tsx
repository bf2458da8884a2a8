import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { ThemeSwitch } from "./ThemeSwitch";

const meta = {
  title: "components/ThemeSwitch",
  component: ThemeSwitch,
} satisfies Meta<typeof ThemeSwitch>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Follows the system setting until a theme is chosen; the choice is kept in this browser. */
export const FollowsTheSystem: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("combobox", { name: "Theme" })).toHaveValue("system");
  },
};

export const ChoosingLight: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.selectOptions(within(canvasElement).getByRole("combobox", { name: "Theme" }), "light");
    await expect(document.documentElement).toHaveAttribute("data-theme", "light");
    await expect(window.localStorage.getItem("theme")).toBe("light");
  },
};
