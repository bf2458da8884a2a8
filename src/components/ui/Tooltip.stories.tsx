import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { Button } from "./Button";
import { Tooltip } from "./Tooltip";

const meta = {
  title: "components/Tooltip",
  component: Tooltip,
  args: {
    content: "A straight line from this period's spend so far.",
    children: <Button size="small">On pace for $1,714.29</Button>,
  },
} satisfies Meta<typeof Tooltip>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Shown on keyboard focus as well as on hover. */
export const OnFocus: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.tab();
    await expect(within(canvasElement).getByRole("button")).toHaveFocus();
    await expect(await within(document.body).findByRole("tooltip")).toHaveTextContent(
      "A straight line from this period's spend so far.",
    );
  },
};
