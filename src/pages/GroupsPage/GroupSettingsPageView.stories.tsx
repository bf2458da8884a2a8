import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { MockGroup, MockMembers, MockMemberSpend, MockOtherGroupId, MockSingleMemberGroup } from "../../testHelpers/entities";
import { GroupSettingsPageView } from "./GroupSettingsPageView";

const BUDGET_LABEL = "Monthly budget per member (USD)";

const meta = {
  title: "pages/GroupSettingsPage/GroupSettingsPageView",
  component: GroupSettingsPageView,
  args: {
    group: MockGroup,
    initialBudgetMicros: 1_000_000_000,
    showAISettings: true,
    readOnly: false,
    isUpdating: false,
    onSubmit: fn(),
    onCancel: fn(),
  },
} satisfies Meta<typeof GroupSettingsPageView>;

export default meta;
type Story = StoryObj<typeof meta>;

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
  args: { initialBudgetMicros: null },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByLabelText(BUDGET_LABEL);
    await expect(input).toHaveValue("");
    await expect(input).toHaveAttribute("placeholder", "No budget");
    await expect(input).toHaveAccessibleDescription("Leave empty for uncapped spend.");
  },
};

export const Disabled: Story = {
  args: { initialBudgetMicros: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText(BUDGET_LABEL)).toHaveValue("0");
    await expect(canvas.getByText(/\$0\.00\/month maximum, based on 7 members\./)).toBeVisible();
    await expect(canvas.getByText(/AI access is disabled for this group's members/)).toBeVisible();
  },
};

export const OneMember: Story = {
  args: { group: MockSingleMemberGroup, initialBudgetMicros: 50_000_000 },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByLabelText(BUDGET_LABEL);
    await expect(input).toHaveAccessibleDescription("$50.00/month maximum, based on 1 member.");
  },
};

export const DecimalAmount: Story = {
  args: { initialBudgetMicros: 19_990_000 },
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
  args: { initialBudgetMicros: null },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText(BUDGET_LABEL);
    await userEvent.type(input, "25");
    await expect(input).toHaveAccessibleDescription("$175.00/month maximum, based on 7 members.");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith(
        expect.objectContaining({ monthly_budget_per_member: "25" }),
      ),
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

export const ServerFieldError: Story = {
  args: { formErrors: { name: "This name is already taken." } },
  play: async ({ canvasElement }) => {
    const name = within(canvasElement).getByLabelText("Name");
    await expect(name).toHaveAttribute("aria-invalid", "true");
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

export const ImpactPreview: Story = {
  args: {
    membersSpend: {
      groupId: MockGroup.id,
      periodStart: "2026-11-01T00:00:00.000Z",
      periodEnd: "2026-12-01T00:00:00.000Z",
      members: MockMembers.map((m) => {
        const budget = { spend_limit_micros: m.username === "frank" ? 5_000_000_000 : 1_000_000_000, limit_source: "group" as const };
        const here = m.username !== "frank";
        return {
          user_id: m.id,
          effective_group_id: here ? MockGroup.id : MockOtherGroupId,
          effective_budget: budget,
          group_budget: here ? budget : null,
          group_spend_micros: MockMemberSpend[m.username] ?? 0,
        };
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText(BUDGET_LABEL);
    await userEvent.clear(input);
    await userEvent.type(input, "25");
    await expect(canvas.getByText(/will be blocked/)).toHaveTextContent(
      "4 of 6 members have already spent $25.00 or more this month and will be blocked until December 1.",
    );
    await expect(canvas.getByText(/not affected/)).toHaveTextContent("1 member is governed by another group or a per-user override and is not affected.");
  },
};
