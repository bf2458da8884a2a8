import type { Meta, StoryObj } from "@storybook/react-vite";
import { delay, http, HttpResponse } from "msw";
import { toast } from "sonner";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { MockBudget, MockGroup } from "../../../testHelpers/entities";
import { mockBackend } from "../../../testHelpers/handlers";
import { AppAt, withHandlers } from "../../../testHelpers/storyApp";
import { clearDraft, writeDraft } from "./draft";

const settingsPath = `/organizations/coder/groups/${MockGroup.name}/settings`;
const budgetPath = `/api/v2/groups/${MockGroup.id}/ai/budget`;
const BUDGET_LABEL = "Monthly budget per member (USD)";

const meta = {
  title: "pages/GroupSettingsPage/GroupSettingsPage",
  render: () => <AppAt path={settingsPath} />,
  parameters: { layout: "fullscreen" },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loading: Story = {
  parameters: withHandlers(http.get(budgetPath, () => delay("infinite"))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // A skeleton of the form under the group's header, not a blank spinner.
    await expect((await canvas.findByText("Loading group settings")).closest('[role="status"]')).toHaveAttribute(
      "aria-busy",
      "true",
    );
    await expect(canvas.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(canvas.queryByLabelText(BUDGET_LABEL)).not.toBeInTheDocument();
  },
};

export const BudgetLoadError: Story = {
  parameters: withHandlers(
    http.get(budgetPath, () => HttpResponse.json({ message: "The budget service is unavailable." }, { status: 500 })),
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("Could not load the AI budget.");
    await expect(alert).toHaveTextContent("The budget service is unavailable.");
    await expect(within(alert).getByRole("button", { name: "Retry" })).toBeVisible();
    await expect(canvas.queryByLabelText(BUDGET_LABEL)).not.toBeInTheDocument();
  },
};

const typeBudget = async (canvasElement: HTMLElement, text: string) => {
  const input = await within(canvasElement).findByLabelText(BUDGET_LABEL);
  await userEvent.clear(input);
  await userEvent.type(input, text);
};
const dialogIn = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body).findByRole("alertdialog");

/** Unsaved changes and a click on another tab: the modal question, Keep editing first and focused. */
export const GuardOnLink: Story = {
  play: async ({ canvasElement }) => {
    await typeBudget(canvasElement, "12");
    await userEvent.click(within(canvasElement).getByRole("link", { name: "Members" }));
    const dialog = within(await dialogIn(canvasElement));
    await expect(dialog.getByText("Leave without saving?")).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Keep editing" })).toHaveFocus();
  },
};

/** Cancel with unsaved changes asks the same question. */
export const GuardOnCancel: Story = {
  play: async ({ canvasElement }) => {
    await typeBudget(canvasElement, "12");
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Cancel" }));
    const dialog = within(await dialogIn(canvasElement));
    await expect(dialog.getByRole("button", { name: "Discard changes" })).toBeVisible();
  },
};

/** Back after a reload or a lapsed session: the unsaved values are restored, with the way back to the saved ones. */
export const ReloadRestoredDraft: Story = {
  beforeEach: () => {
    writeDraft(MockGroup.id, {
      values: {
        name: "developers",
        display_name: "Developers",
        avatar_url: "",
        quota_allowance: "0",
        monthly_budget_per_member: "42",
      },
      baseline: { group: MockGroup, budget: { ...MockBudget, etag: null } },
    });
    return () => clearDraft(MockGroup.id);
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("Restored the changes you had not saved yet.")).toBeVisible();
    await expect(canvas.getByLabelText(BUDGET_LABEL)).toHaveValue("42");
    await expect(canvas.getByRole("button", { name: "Discard them" })).toBeVisible();
  },
};

export const FullSave: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = await canvas.findByLabelText(BUDGET_LABEL);
    await expect(input).toHaveValue("1000");
    await userEvent.clear(input);
    await userEvent.type(input, "25");
    await expect(input).toHaveAccessibleDescription("$175.00/month maximum, based on 7 members.");
    // Once the members' spend is in, $25 blocks members at once: the save asks first, and is confirmed.
    await expect(await canvas.findByText(/will be blocked/)).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    const question = within(
      await within(canvasElement.ownerDocument.body).findByRole("alertdialog", { name: /^Block \d+ members now\?$/ }),
    );
    await userEvent.click(question.getByRole("button", { name: /^Save and block/ }));
    // The group page's Members tab replaces the form once the save landed.
    await waitFor(() => expect(canvas.getByRole("link", { name: "Members" })).toHaveAttribute("aria-current", "page"));
    await expect(mockBackend.budgets.get(MockGroup.id)?.spend_limit_micros).toBe(25_000_000);
    // Every member's row at the new limit, none still being read again, before the picture.
    await waitFor(() => expect(canvas.getAllByText("Group limit $25.00")).toHaveLength(7), { timeout: 10_000 });
    await waitFor(() => expect(canvas.queryByText("Updating…")).not.toBeInTheDocument(), { timeout: 10_000 });
    // The toast goes before the picture, which would otherwise depend on how long all this took.
    toast.dismiss();
    await waitFor(() => expect(within(document.body).queryByText("Saved the AI budget.")).not.toBeInTheDocument());
    // The picture from the top of the page, as an admin arriving there sees it.
    window.scrollTo(0, 0);
  },
};

/** A deployment older than AI budgets: the section says which version they need. */
export const OlderDeployment: Story = {
  beforeEach: () => {
    mockBackend.version = "v2.35.2";
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText("AI budgets need Coder v2.36 or later; this deployment runs v2.35.2."),
    ).toBeVisible();
    await expect(canvas.queryByLabelText(BUDGET_LABEL)).not.toBeInTheDocument();
  },
};
