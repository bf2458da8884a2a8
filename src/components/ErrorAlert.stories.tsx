import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { ErrorAlert } from "./ErrorAlert";

const meta = {
  title: "components/ErrorAlert",
  component: ErrorAlert,
  args: { title: "Could not load the groups.", error: new Error("Database unavailable."), onRetry: fn() },
} satisfies Meta<typeof ErrorAlert>;

export default meta;
type Story = StoryObj<typeof meta>;

/** What failed, the server's words, and Retry. */
export const WithRetry: Story = {
  play: async ({ args, canvasElement }) => {
    const alert = within(canvasElement).getByRole("alert");
    await expect(alert).toHaveTextContent("Could not load the groups.");
    await userEvent.click(within(alert).getByRole("button", { name: "Retry" }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

/** Where trying again cannot help, no Retry. */
export const WithoutRetry: Story = {
  args: { onRetry: undefined, title: "Could not sum the spend export." },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole("button")).not.toBeInTheDocument();
  },
};
