import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { TextField } from "./TextField";

const meta = {
  title: "components/TextField",
  component: TextField,
  args: { label: "Display name", helperText: "Shown instead of the group's name.", defaultValue: "Developers" },
} satisfies Meta<typeof TextField>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The helper text describes the input. */
export const WithHelper: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText("Display name")).toHaveAccessibleDescription(
      "Shown instead of the group's name.",
    );
  },
};

/** An error replaces the helper, marks the input invalid and is announced. */
export const WithError: Story = {
  args: { error: "Enter a name." },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText("Display name")).toHaveAttribute("aria-invalid", "true");
    await expect(canvas.getByRole("alert")).toHaveTextContent("Enter a name.");
  },
};

export const ReadOnly: Story = { args: { readOnly: true } };
