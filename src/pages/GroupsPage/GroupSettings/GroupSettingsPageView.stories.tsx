import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import {
  MockGroup,
  MockMembers,
  MockMemberSpend,
  MockOtherGroupId,
  MockSingleMemberGroup,
} from "../../../testHelpers/entities";
import { dollarsToMicros } from "../../../../core/currency";
import { GroupSettingsPageView, type GroupSettingsPageViewProps } from "./GroupSettingsPageView";

const BUDGET_LABEL = "Monthly budget per member (USD)";

/** The view's props, with the saved budget in dollars (as a designer thinks of it) instead of micros. */
type Args = Omit<GroupSettingsPageViewProps, "initialBudgetMicros"> & {
  /** The saved monthly budget per member in USD; null: no budget. */
  savedBudgetUsd: number | null;
};

const meta = {
  title: "pages/GroupSettingsPage/GroupSettingsPageView",
  render: ({ savedBudgetUsd, ...args }) => (
    <GroupSettingsPageView
      {...args}
      initialBudgetMicros={savedBudgetUsd === null ? null : dollarsToMicros(String(savedBudgetUsd))}
    />
  ),
  argTypes: {
    savedBudgetUsd: {
      control: { type: "number", min: 0, step: 0.01 },
      description: "Saved budget per member, in USD (null: none)",
    },
  },
  args: {
    group: MockGroup,
    savedBudgetUsd: 1000,
    showAISettings: true,
    readOnly: false,
    isUpdating: false,
    onSubmit: fn(),
    onCancel: fn(),
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

export const AISectionHidden: Story = {
  args: { showAISettings: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText("Name")).toHaveValue("developers");
    await expect(canvas.queryByRole("heading", { name: "AI budget" })).not.toBeInTheDocument();
    await expect(canvas.queryByText(/AI/)).not.toBeInTheDocument();
  },
};

export const WithBudget: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText(BUDGET_LABEL);
    await expect(input).toHaveValue("1000");
    await expect(input).toHaveAccessibleDescription("$7,000.00/month maximum, based on 7 members.");
    await expect(canvas.getByRole("heading", { name: "AI budget" })).toBeVisible();
  },
};

export const Uncapped: Story = {
  args: { savedBudgetUsd: null },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByLabelText(BUDGET_LABEL);
    await expect(input).toHaveValue("");
    await expect(input).toHaveAttribute("placeholder", "No budget");
    await expect(input).toHaveAccessibleDescription("Leave empty for uncapped spend.");
  },
};

export const Disabled: Story = {
  args: { savedBudgetUsd: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText(BUDGET_LABEL)).toHaveValue("0");
    await expect(canvas.getByText(/\$0\.00\/month maximum, based on 7 members\./)).toBeVisible();
    await expect(canvas.getByText(/AI access is disabled for this group's members/)).toBeVisible();
  },
};

export const OneMember: Story = {
  args: { group: MockSingleMemberGroup, savedBudgetUsd: 50 },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByLabelText(BUDGET_LABEL);
    await expect(input).toHaveAccessibleDescription("$50.00/month maximum, based on 1 member.");
  },
};

export const DecimalAmount: Story = {
  args: { savedBudgetUsd: 19.99 },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByLabelText(BUDGET_LABEL);
    await expect(input).toHaveValue("19.99");
    await expect(input).toHaveAccessibleDescription("$139.93/month maximum, based on 7 members.");
  },
};

export const AboveMaximum: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText(BUDGET_LABEL);
    await userEvent.clear(input);
    await userEvent.type(input, "1000001");
    await userEvent.tab();
    const message = canvas.getByRole("alert");
    await expect(message).toHaveTextContent("Enter an amount between 0 and $1,000,000.");
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveAccessibleDescription("Enter an amount between 0 and $1,000,000.");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

export const NotANumber: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText(BUDGET_LABEL);
    await userEvent.clear(input);
    await userEvent.type(input, "abc");
    await expect(canvas.getByRole("alert")).toHaveTextContent(
      "Enter a plain amount in US dollars, such as 25 or 19.99.",
    );
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

export const TypingUpdatesMaximum: Story = {
  args: { savedBudgetUsd: null },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText(BUDGET_LABEL);
    await userEvent.type(input, "25");
    await expect(input).toHaveAccessibleDescription("$175.00/month maximum, based on 7 members.");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith(expect.objectContaining({ monthly_budget_per_member: "25" })),
    );
  },
};

export const Saving: Story = {
  args: { isUpdating: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const save = canvas.getByRole("button", { name: "Saving…" });
    await expect(save).toBeDisabled();
    await expect(canvas.getByRole("form", { name: "Group settings" })).toHaveAttribute("aria-busy", "true");
  },
};

/** The server refused a field: its message goes on the field the save answered for. */
export const ServerFieldError: Story = {
  args: { onSubmit: fn(async () => ({ name: "This name is already taken." })) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const name = canvas.getByLabelText("Name");
    await userEvent.clear(name);
    await userEvent.type(name, "platform");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledOnce());
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    await expect(name).toHaveAccessibleDescription("This name is already taken.");
  },
};

export const ReadOnly: Story = {
  args: { readOnly: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText(BUDGET_LABEL)).toHaveAttribute("readonly");
    await expect(canvas.getByLabelText("Name")).toHaveAttribute("readonly");
    await expect(canvas.queryByRole("button", { name: "Save" })).not.toBeInTheDocument();
    await expect(canvas.getByRole("button", { name: "Back" })).toBeVisible();
  },
};

const spendOfMembers = {
  groupId: MockGroup.id,
  periodStart: "2026-11-01T00:00:00.000Z",
  periodEnd: "2026-12-01T00:00:00.000Z",
  names: Object.fromEntries(MockMembers.map((m) => [m.id, m.username])),
  members: MockMembers.map((m) => {
    const budget = {
      spend_limit_micros: m.username === "frank" ? 5_000_000_000 : 1_000_000_000,
      limit_source: "group" as const,
    };
    const here = m.username !== "frank";
    return {
      user_id: m.id,
      effective_group_id: here ? MockGroup.id : MockOtherGroupId,
      effective_budget: budget,
      group_budget: here ? budget : null,
      group_spend_micros: MockMemberSpend[m.username] ?? 0,
    };
  }),
};

const typeBudget = async (canvasElement: HTMLElement, text: string) => {
  const input = within(canvasElement).getByLabelText(BUDGET_LABEL);
  await userEvent.clear(input);
  if (text) await userEvent.type(input, text);
};

/** Lowering the budget: the callout names whom it blocks (carol is blocked already and is not counted). */
export const ImpactBlocksSome: Story = {
  args: { membersSpend: spendOfMembers },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await typeBudget(canvasElement, "25");
    await expect(canvas.getByText(/will be blocked/)).toHaveTextContent(
      "3 of 6 members have already spent $25.00 or more this month and will be blocked until December 1.",
    );
    await expect(
      within(canvas.getByRole("list", { name: "Members this blocks" })).getAllByRole("listitem"),
    ).toHaveLength(3);
    await expect(canvas.getByText(/not affected/)).toHaveTextContent(
      "1 member is governed by another group or a per-user override and is not affected.",
    );
  },
};

/** Emptying the field: what removing the cap does, and whom it frees. */
export const ImpactRemovesCap: Story = {
  args: { membersSpend: spendOfMembers },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await typeBudget(canvasElement, "");
    await expect(canvas.getByText(/Without a budget this group limits no one/)).toBeVisible();
    await expect(canvas.getByText(/^carol is blocked by this budget now/)).toBeVisible();
    await expect(canvas.queryByText(/will be blocked/)).not.toBeInTheDocument();
  },
};

/** The saved amount typed again: nothing changes, so the callout says nothing and Save stays off. */
export const ImpactNoChange: Story = {
  args: { membersSpend: spendOfMembers },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await typeBudget(canvasElement, "1000");
    await expect(canvas.queryByText("What saving this does")).not.toBeInTheDocument();
    await expect(canvas.getByRole("button", { name: "Save" })).toBeDisabled();
  },
};

/** Saving 0 asks first, naming the consequence; the safe choice is first and focused. */
export const ConfirmTurnAIOff: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await typeBudget(canvasElement, "0");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    const dialog = within(
      await within(canvasElement.ownerDocument.body).findByRole("alertdialog", { name: "Turn AI off for this group?" }),
    );
    await expect(dialog.getByText(/blocks AI for the 7 members of this group/)).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Go back" })).toHaveFocus();
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** Saving a budget that blocks members at once asks first, naming them; the safe choice is first and focused. */
export const ConfirmBlockMembers: Story = {
  args: { membersSpend: spendOfMembers },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await typeBudget(canvasElement, "20");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    const dialog = within(
      await within(canvasElement.ownerDocument.body).findByRole("alertdialog", { name: "Block 4 members now?" }),
    );
    await expect(dialog.getByText(/^alice, bob, dave and 1 more have already spent \$20\.00/)).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Save and block 4 members" })).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Go back" })).toHaveFocus();
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** Values from an earlier visit, restored, with the way back to the saved ones. */
export const RestoredDraft: Story = {
  args: {
    restoredDraft: {
      name: "developers",
      display_name: "Developers team",
      avatar_url: "",
      quota_allowance: "0",
      monthly_budget_per_member: "42",
    },
    onDiscardDraft: fn(),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Restored the changes you had not saved yet.")).toBeVisible();
    await expect(canvas.getByLabelText(BUDGET_LABEL)).toHaveValue("42");
    await expect(canvas.getByRole("button", { name: "Save" })).toBeEnabled();
  },
};

/** Another admin changed the budget meanwhile: both values, one primary button, the safe choice focused. */
export const Conflict: Story = {
  args: {
    budgetConflict: { theirsMicros: 2_000_000_000, yoursMicros: 1_500_000_000 },
    onResolveConflict: fn(),
  },
  play: async ({ canvasElement }) => {
    const dialog = within(await within(canvasElement.ownerDocument.body).findByRole("alertdialog"));
    await expect(dialog.getByText(/It is now/)).toHaveTextContent(
      "It is now $2,000.00 per member. You entered $1,500.00 per member.",
    );
    await expect(dialog.getByRole("button", { name: "Use theirs ($2,000.00 per member)" })).toHaveFocus();
  },
};
