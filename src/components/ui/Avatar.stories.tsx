import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { Avatar, initials } from "./Avatar";

const meta = {
  title: "components/Avatar",
  component: Avatar,
  args: { name: "Alice Smith" },
  argTypes: { size: { control: "inline-radio", options: ["small", "medium"] } },
} satisfies Meta<typeof Avatar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No picture: the initials. */
export const Initials: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("AS")).toBeVisible();
    await expect(initials("bob")).toBe("B");
    await expect(initials("frank_de-jong")).toBe("FJ");
  },
};

/** A picture that does not load falls back to the initials (nothing is fetched from outside). */
export const BrokenPicture: Story = {
  args: { name: "carol", src: "data:image/png;base64,AAAA" },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("C")).toBeVisible();
  },
};

export const Small: Story = { args: { size: "small", name: "dave" } };
