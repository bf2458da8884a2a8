import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, within } from "storybook/test";
import { Button } from "./Button";
import { Dialog, DialogActions, DialogClose } from "./Dialog";

const Example = ({ onOpenChange }: { onOpenChange: (open: boolean) => void }) => {
  const [open, setOpen] = useState(true);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Open</Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          onOpenChange(next);
        }}
        title="AI budget of Alice"
        description="Alice has spent $312.50 this month against this group's limit of $1,000.00."
      >
        <DialogActions>
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <Button variant="primary">Save</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

const meta = {
  title: "components/Dialog",
  component: Example,
  args: { onOpenChange: fn() },
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof Example>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Modal: focus moves in, the title names it, the description says what it is about; Escape closes it. */
export const Open: Story = {
  play: async ({ args }) => {
    const dialog = await within(document.body).findByRole("dialog", { name: "AI budget of Alice" });
    await expect(dialog).toHaveAccessibleDescription(
      "Alice has spent $312.50 this month against this group's limit of $1,000.00.",
    );
    await expect(within(dialog).getByRole("button", { name: "Close dialog" })).toBeVisible();
    await userEvent.keyboard("{Escape}");
    await expect(args.onOpenChange).toHaveBeenCalledWith(false);
  },
};

/** On the narrowest phone the dialog fits, with room on each side. */
export const Phone: Story = {
  globals: { viewport: { value: "narrow" } },
  play: async () => {
    const dialog = await within(document.body).findByRole("dialog");
    const box = dialog.getBoundingClientRect();
    await expect(box.left).toBeGreaterThanOrEqual(0);
    await expect(box.right).toBeLessThanOrEqual(window.innerWidth);
  },
};
