import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ComponentProps } from "react";
import { MemoryRouter } from "react-router";
import { expect, within } from "storybook/test";
import type { GroupMemberAISpend } from "../../../../core/types";
import { MockGroup, MockOtherGroupId, MockPeriod } from "../../../testHelpers/entities";
import { atTime } from "../../../testHelpers/clock";
import { dollarsToMicros } from "../../../../core/currency";
import { MemberBudgetCells, OTHER_ORGANIZATION_NOTE } from "./MemberBudgetCells";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "../../../components/ui/Table";

const group = {
  id: MockGroup.id,
  organization_id: MockGroup.organization_id,
  organization_name: MockGroup.organization_name,
};
const GOVERNED_BY = ["this group", "another group", "another organization", "Everyone"] as const;

/** The cells' props with the member's row described in dollars and words instead of the API's micros and ids. */
type Args = Omit<ComponentProps<typeof MemberBudgetCells>, "row"> & {
  /** Spent this month and charged to this group, in USD. */
  spentUsd: number;
  /** The limit that governs the member, in USD (not used for another organization or Everyone). */
  limitUsd: number;
  limitSource: "group" | "user_override";
  governedBy: (typeof GOVERNED_BY)[number];
};

/** The row Coder sends for each case (docs/coder-conformance.md). */
const rowOf = ({ spentUsd, limitUsd, limitSource, governedBy }: Args): GroupMemberAISpend => {
  const limit = { spend_limit_micros: dollarsToMicros(String(limitUsd)), limit_source: limitSource };
  const base = { user_id: "u", group_spend_micros: dollarsToMicros(String(spentUsd)) };
  switch (governedBy) {
    case "this group":
      return { ...base, effective_group_id: MockGroup.id, effective_budget: limit, group_budget: limit };
    case "another group":
      return { ...base, effective_group_id: MockOtherGroupId, effective_budget: limit, group_budget: null };
    case "another organization":
      return { ...base, effective_group_id: null, effective_budget: null, group_budget: null };
    case "Everyone":
      return { ...base, effective_group_id: MockGroup.organization_id, effective_budget: null, group_budget: null };
  }
};

/** The two cells in the table they belong to, as the members tab shows them. */
const meta = {
  title: "pages/GroupLayout/MemberBudgetCells",
  render: (args) => <MemberBudgetCells {...args} row={rowOf(args)} />,
  argTypes: {
    spentUsd: { control: { type: "number", min: 0, step: 0.01 } },
    limitUsd: { control: { type: "number", min: 0, step: 0.01 } },
    limitSource: { control: "inline-radio", options: ["group", "user_override"] },
    governedBy: { control: "select", options: GOVERNED_BY },
  },
  args: {
    spentUsd: 870,
    limitUsd: 1_000,
    limitSource: "group",
    governedBy: "this group",
    group,
    username: "bob",
    period: MockPeriod,
    groupNames: new Map([[MockOtherGroupId, { name: "platform", display_name: "Platform" }]]),
  },
  // Mid-period, so the forecast under a limit reads the same on every run.
  decorators: [
    atTime("2026-11-16T00:00:00Z"),
    (Story) => (
      <MemoryRouter>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>AI spend</TableHead>
              <TableHead>Budget group</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            <TableRow>
              <Story />
            </TableRow>
          </TableBody>
        </Table>
      </MemoryRouter>
    ),
  ],
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

export const GovernedByThisGroup: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Group limit $1,000.00")).toBeVisible();
    await expect(canvas.getByText("Near the limit")).toBeVisible();
  },
};

export const CustomLimit: Story = {
  args: { limitUsd: 9_000, limitSource: "user_override" },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Custom limit $9,000.00")).toBeVisible();
  },
};

export const ManagedByAnotherGroup: Story = {
  args: { governedBy: "another group", limitUsd: 2_000, spentUsd: 12 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Budget managed by another group")).toBeVisible();
    await expect(canvas.getByRole("link", { name: "Platform" })).toBeVisible();
    await expect(canvas.getByText("$12.00")).toBeVisible();
    await expect(canvas.queryByRole("progressbar")).not.toBeInTheDocument();
  },
};

export const ManagedInAnotherOrganization: Story = {
  args: { governedBy: "another organization", spentUsd: 0 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(OTHER_ORGANIZATION_NOTE)).toBeVisible();
  },
};

export const EveryoneNotAllocated: Story = {
  args: { governedBy: "Everyone", spentUsd: 24.99 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Everyone (not allocated)")).toBeVisible();
    await expect(canvas.getByText("$24.99 / Unlimited")).toBeVisible();
  },
};
