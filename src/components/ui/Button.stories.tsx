import type { Meta, StoryObj } from "@storybook/react-vite";
import { Trash2 } from "lucide-react";
import { expect, fn, userEvent, within } from "storybook/test";
import { Button } from "./Button";

const meta = {
  title: "components/Button",
  component: Button,
  args: { children: "Save", onClick: fn() },
  argTypes: {
    variant: { control: "inline-radio", options: ["primary", "secondary", "destructive", "ghost"] },
    size: { control: "inline-radio", options: ["small", "medium", "icon"] },
  },
} satisfies Meta<typeof Button>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Primary: Story = {
  args: { variant: "primary" },
  play: async ({ args, canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Save" }));
    await expect(args.onClick).toHaveBeenCalledOnce();
  },
};

export const Secondary: Story = { args: { children: "Cancel" } };

export const Destructive: Story = {
  args: {
    variant: "destructive",
    children: (
      <>
        <Trash2 aria-hidden="true" size={16} />
        Discard changes
      </>
    ),
  },
};

export const Ghost: Story = { args: { variant: "ghost", children: "Skip" } };

export const Small: Story = { args: { size: "small", children: "Settings" } };

/** Busy: the words stay, a spinner shows, clicks do nothing. */
export const Loading: Story = {
  args: { variant: "primary", loading: true, children: "Saving…" },
  play: async ({ args, canvasElement }) => {
    const button = within(canvasElement).getByRole("button", { name: "Saving…" });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute("aria-busy", "true");
    await userEvent.click(button, { pointerEventsCheck: 0 });
    await expect(args.onClick).not.toHaveBeenCalled();
  },
};

export const Disabled: Story = { args: { variant: "primary", disabled: true } };

export const AllVariants: Story = {
  render: () => (
    <div style={{ display: "flex", flexWrap: "wrap", gap: "0.75rem" }}>
      <Button variant="primary">Primary</Button>
      <Button>Secondary</Button>
      <Button variant="destructive">Destructive</Button>
      <Button variant="ghost">Ghost</Button>
      <Button variant="primary" disabled>
        Disabled
      </Button>
      <Button variant="primary" loading>
        Loading
      </Button>
    </div>
  ),
};
