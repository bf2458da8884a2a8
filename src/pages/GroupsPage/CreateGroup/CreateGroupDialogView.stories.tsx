import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { CreateGroupDialogView } from "./CreateGroupDialogView";
import { EMPTY_CREATE_GROUP_FORM } from "./createGroupForm";

const meta = {
  title: "pages/GroupsPage/CreateGroupDialogView",
  component: CreateGroupDialogView,
  args: {
    open: true,
    onOpenChange: fn(),
    initialValues: EMPTY_CREATE_GROUP_FORM,
    submitting: false,
    onSubmit: fn(),
  },
} satisfies Meta<typeof CreateGroupDialogView>;

export default meta;
type Story = StoryObj<typeof meta>;

const dialog = () => within(within(document.body).getByRole("dialog", { name: "Create group" }));

/** Empty: the name is required, the rest optional; the quota starts at 0. */
export const Empty: Story = {
  play: async () => {
    await expect(dialog().getByLabelText("Name")).toHaveValue("");
    await expect(dialog().getByLabelText("Quota allowance")).toHaveValue("0");
    await expect(dialog().getByRole("button", { name: "Create group" })).toBeEnabled();
  },
};

/** Bad input gets its message on the field and sends nothing. */
export const Invalid: Story = {
  play: async ({ args }) => {
    await userEvent.type(dialog().getByLabelText("Name"), "QA team");
    await userEvent.type(dialog().getByLabelText("Avatar URL"), "ftp://x");
    await userEvent.click(dialog().getByRole("button", { name: "Create group" }));
    await expect(
      await dialog().findByText(
        "Name may use letters, digits and single hyphens, and must start and end with a letter or digit.",
      ),
    ).toBeVisible();
    await expect(dialog().getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog().getByText("Avatar URL must start with http:// or https://.")).toBeVisible();
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** The server's answer on its field: the name is taken; what was typed stays. */
export const NameTaken: Story = {
  args: {
    initialValues: { ...EMPTY_CREATE_GROUP_FORM, name: "developers", display_name: "Developers" },
    fieldErrors: { name: "Group names must be unique" },
  },
  play: async () => {
    await expect(await dialog().findByText("Group names must be unique")).toBeVisible();
    await expect(dialog().getByLabelText("Name")).toHaveValue("developers");
    await expect(dialog().getByLabelText("Display name")).toHaveValue("Developers");
  },
};

/** A failure that is no field's: said above the form, everything typed kept. */
export const ServerError: Story = {
  args: {
    initialValues: { ...EMPTY_CREATE_GROUP_FORM, name: "qa" },
    problem: {
      title: "Failed to create group.",
      description: "The server could not be reached. Check your connection.",
    },
  },
  play: async () => {
    await expect(dialog().getByRole("alert")).toHaveTextContent("Failed to create group.");
    await expect(dialog().getByLabelText("Name")).toHaveValue("qa");
  },
};

/** While it saves: one click, one group. */
export const Saving: Story = {
  args: { initialValues: { ...EMPTY_CREATE_GROUP_FORM, name: "qa" }, submitting: true },
  play: async () => {
    await expect(dialog().getByRole("button", { name: "Creating…" })).toBeDisabled();
  },
};
