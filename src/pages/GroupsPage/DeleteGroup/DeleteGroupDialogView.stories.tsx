import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { DeleteGroupDialogView } from "./DeleteGroupDialogView";

const meta = {
  title: "pages/GroupsPage/DeleteGroupDialogView",
  component: DeleteGroupDialogView,
  args: {
    open: true,
    groupName: "developers",
    memberCount: 7,
    deleting: false,
    onConfirm: fn(),
    onCancel: fn(),
  },
} satisfies Meta<typeof DeleteGroupDialogView>;

export default meta;
type Story = StoryObj<typeof meta>;

const dialog = () => within(within(document.body).getByRole("alertdialog", { name: "Delete group" }));

/** Nothing typed: Delete waits for the group's name. */
export const Empty: Story = {
  play: async () => {
    await expect(dialog().getByText(/Its 7 members leave it/)).toBeVisible();
    await expect(dialog().getByRole("button", { name: "Delete group" })).toBeDisabled();
  },
};

/** Half the name typed, then the rest: Delete is offered only for the exact name. */
export const Typing: Story = {
  args: { initialTyped: "develop" },
  play: async ({ args }) => {
    await expect(dialog().getByRole("button", { name: "Delete group" })).toBeDisabled();
    await userEvent.type(dialog().getByLabelText("Name of the group to delete"), "ers");
    await expect(dialog().getByRole("button", { name: "Delete group" })).toBeEnabled();
    await userEvent.click(dialog().getByRole("button", { name: "Delete group" }));
    await expect(args.onConfirm).toHaveBeenCalledTimes(1);
  },
};

/** A failure: said in the dialog, the typed name kept for another try. */
export const Failed: Story = {
  args: {
    initialTyped: "developers",
    problem: { title: "Failed to delete group.", description: "The server did not answer in time." },
  },
  play: async () => {
    await expect(dialog().getByRole("alert")).toHaveTextContent("Failed to delete group.");
    await expect(dialog().getByLabelText("Name of the group to delete")).toHaveValue("developers");
    await expect(dialog().getByRole("button", { name: "Delete group" })).toBeEnabled();
  },
};

/** While it deletes. */
export const Deleting: Story = {
  args: { initialTyped: "developers", deleting: true },
  play: async () => {
    await expect(dialog().getByRole("button", { name: "Deleting…" })).toBeDisabled();
  },
};
