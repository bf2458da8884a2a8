import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { ConfirmDialog } from "./ConfirmDialog";

/** The question asked before a step that is hard to take back. */
const meta = {
  title: "components/ConfirmDialog",
  component: ConfirmDialog,
  args: {
    open: true,
    title: "Turn AI off for this group?",
    children: <p>Every member this group governs loses AI until a budget is set again.</p>,
    confirmLabel: "Turn AI off",
    cancelLabel: "Go back",
    onConfirm: fn(),
    onCancel: fn(),
  },
} satisfies Meta<typeof ConfirmDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The safe choice comes first and has the focus; Escape takes it. */
export const SafeChoiceFirst: Story = {
  play: async ({ args }) => {
    const dialog = within(
      await within(document.body).findByRole("alertdialog", { name: "Turn AI off for this group?" }),
    );
    await expect(dialog.getByRole("button", { name: "Go back" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

/** Going on is the one primary button, and says what it does. */
export const Confirming: Story = {
  play: async ({ args }) => {
    const dialog = within(await within(document.body).findByRole("alertdialog"));
    await userEvent.click(dialog.getByRole("button", { name: "Turn AI off" }));
    await expect(args.onConfirm).toHaveBeenCalledTimes(1);
  },
};
