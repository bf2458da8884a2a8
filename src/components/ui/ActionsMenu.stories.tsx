import type { Meta, StoryObj } from "@storybook/react-vite";
import { WalletCards } from "lucide-react";
import { expect, fn, userEvent, within } from "storybook/test";
import { ActionsMenu, ActionsMenuItem } from "./ActionsMenu";

const RowActions = ({ label, onSelect }: { label: string; onSelect: () => void }) => (
  <ActionsMenu label={label}>
    <ActionsMenuItem icon={<WalletCards aria-hidden="true" size={16} />} onSelect={onSelect}>
      Manage AI budget
    </ActionsMenuItem>
  </ActionsMenu>
);

const meta = {
  title: "components/ActionsMenu",
  component: RowActions,
  args: { label: "Actions for alice", onSelect: fn() },
} satisfies Meta<typeof RowActions>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The row's "⋮" opens its actions; the keyboard works as in a menu. */
export const Opened: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Actions for alice" }));
    const item = await within(document.body).findByRole("menuitem", { name: "Manage AI budget" });
    await expect(item).toBeVisible();
    await userEvent.click(item);
    await expect(args.onSelect).toHaveBeenCalledOnce();
  },
};

/** From the keyboard: Enter opens the menu on its first item, Enter again chooses it. */
export const FromTheKeyboard: Story = {
  play: async ({ canvasElement, args }) => {
    within(canvasElement).getByRole("button", { name: "Actions for alice" }).focus();
    await userEvent.keyboard("{Enter}");
    await expect(await within(document.body).findByRole("menuitem", { name: "Manage AI budget" })).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await expect(args.onSelect).toHaveBeenCalledOnce();
  },
};
