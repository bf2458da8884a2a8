import type { Meta, StoryObj } from "@storybook/react-vite";
import { MemoryRouter } from "react-router";
import { expect, within } from "storybook/test";
import type { GroupMemberAISpend } from "../../../api/types";
import { MockGroup, MockOtherGroupId, MockPeriod } from "../../../testHelpers/entities";
import { fixTimeForForecasts } from "../../../utils/clock";
import { MemberBudgetCells, OTHER_ORGANIZATION_NOTE } from "./MemberBudgetCells";

const USD = 1_000_000;
const group = { id: MockGroup.id, organization_id: MockGroup.organization_id, organization_name: MockGroup.organization_name };
const limit = (usd: number, limit_source: "group" | "user_override" = "group") => ({ spend_limit_micros: usd * USD, limit_source });
const row = (over: Partial<GroupMemberAISpend>): GroupMemberAISpend => ({
  user_id: "u",
  effective_group_id: MockGroup.id,
  effective_budget: limit(1_000),
  group_budget: limit(1_000),
  group_spend_micros: 870 * USD,
  ...over,
});

/** The two cells in the table they belong to, as the members tab shows them. */
const meta = {
  title: "pages/GroupPage/MemberBudgetCells",
  component: MemberBudgetCells,
  args: { group, username: "bob", row: row({}), period: MockPeriod, groupNames: new Map([[MockOtherGroupId, { name: "platform", display_name: "Platform" }]]) },
  // Mid-period, so the forecast under a limit reads the same on every run.
  beforeEach: () => fixTimeForForecasts("2026-11-16T00:00:00Z"),
  decorators: [
    (Story) => (
      <MemoryRouter>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">AI spend</th>
              <th scope="col">Budget group</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <Story />
            </tr>
          </tbody>
        </table>
      </MemoryRouter>
    ),
  ],
} satisfies Meta<typeof MemberBudgetCells>;

export default meta;
type Story = StoryObj<typeof meta>;

export const GovernedByThisGroup: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Group limit $1,000.00")).toBeVisible();
    await expect(canvas.getByText("Near the limit")).toBeVisible();
  },
};

export const CustomLimit: Story = {
  args: { row: row({ effective_budget: limit(9_000, "user_override"), group_budget: limit(9_000, "user_override") }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Custom limit $9,000.00")).toBeVisible();
  },
};

export const ManagedByAnotherGroup: Story = {
  args: { row: row({ effective_group_id: MockOtherGroupId, effective_budget: limit(2_000), group_budget: null, group_spend_micros: 12 * USD }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Budget managed by another group")).toBeVisible();
    await expect(canvas.getByRole("link", { name: "Platform" })).toBeVisible();
    await expect(canvas.getByText("$12.00")).toBeVisible();
    await expect(canvas.queryByRole("progressbar")).not.toBeInTheDocument();
  },
};

export const ManagedInAnotherOrganization: Story = {
  args: { row: row({ effective_group_id: null, effective_budget: null, group_budget: null, group_spend_micros: 0 }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(OTHER_ORGANIZATION_NOTE)).toBeVisible();
  },
};

export const EveryoneNotAllocated: Story = {
  args: { row: row({ effective_group_id: MockGroup.organization_id, effective_budget: null, group_budget: null, group_spend_micros: 24_990_000 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Everyone (not allocated)")).toBeVisible();
    await expect(canvas.getByText("$24.99 / Unlimited")).toBeVisible();
  },
};
