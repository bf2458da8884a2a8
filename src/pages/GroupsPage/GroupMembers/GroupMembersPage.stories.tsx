import type { Meta, StoryObj } from "@storybook/react-vite";
import { delay, http, HttpResponse } from "msw";
import { toast } from "sonner";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { MockGroup, MockOtherGroupId, MockOtherOrganizationId } from "../../../testHelpers/entities";
import {
  mockAddGroup,
  mockAddOrganization,
  mockBackend,
  mockChargeSpend,
  mockSetOverride,
  mockSignIn,
  setBudgetElsewhere,
} from "../../../testHelpers/handlers";
import { OTHER_ORGANIZATION_NOTE } from "./MemberBudgetCells";
import { AppAt, withHandlers } from "../../../testHelpers/storyApp";
import { FORECAST_EXPLANATION } from "../../../../core/domain/forecast";
import { atTime } from "../../../testHelpers/clock";

const spendPath = `*/api/v2/groups/${MockGroup.id}/members/ai/spend`;
const row = (canvasElement: HTMLElement, username: string) =>
  within(within(canvasElement).getByText(username).closest("tr")!);

const meta = {
  title: "pages/GroupLayout/GroupMembersPage",
  render: () => <AppAt path={`/organizations/coder/groups/${MockGroup.name}`} />,
  parameters: { layout: "fullscreen" },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithSpend: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("progressbar", { name: "AI spend of bob" })).toHaveAttribute(
      "aria-valuenow",
      "87",
    );
    await expect(row(canvasElement, "bob").getByText("Near the limit")).toBeVisible();
    await expect(row(canvasElement, "carol").getByText("Over the limit")).toBeVisible();
    await expect(row(canvasElement, "alice").getByText("Group limit $1,000.00")).toBeVisible();
    await expect(canvas.getByText(/AI budget period: November 1 – December 1, 2026/)).toBeVisible();
  },
};

/** frank has his own limit, charged to this group. */
export const CustomLimit: Story = {
  beforeEach: () => mockSetOverride("frank", MockGroup.id, 9_000_000_000),
  play: async ({ canvasElement }) => {
    // A member's meter, not the group header's ("AI spend of … this month").
    await within(canvasElement).findAllByRole("progressbar", { name: /^AI spend of \S+$/ });
    await expect(row(canvasElement, "frank").getByText("Custom limit $9,000.00")).toBeVisible();
    await expect(row(canvasElement, "frank").getByRole("progressbar", { name: "AI spend of frank" })).toHaveAttribute(
      "aria-valuenow",
      "0",
    );
  },
};

/** erin is also in platform, whose higher budget governs her: only what was charged here shows, with no limit. */
export const ManagedByAnotherGroup: Story = {
  beforeEach: () => {
    mockAddGroup({ id: MockOtherGroupId, name: "platform", members: ["erin"], budgetMicros: 2_000_000_000 });
    mockChargeSpend("erin", MockGroup.id, 12_000_000);
  },
  play: async ({ canvasElement }) => {
    // A member's meter, not the group header's ("AI spend of … this month").
    await within(canvasElement).findAllByRole("progressbar", { name: /^AI spend of \S+$/ });
    const erin = row(canvasElement, "erin");
    await expect(erin.getByText("Budget managed by another group")).toBeVisible();
    await expect(await erin.findByRole("link", { name: "platform" })).toBeVisible();
    await expect(erin.getByText("$12.00")).toBeVisible();
    await expect(erin.queryByRole("progressbar")).not.toBeInTheDocument();
  },
};

/** dave is governed by a group of another organization: nothing of it can be shown here. */
export const ManagedInAnotherOrganization: Story = {
  beforeEach: () => {
    mockAddOrganization({ id: MockOtherOrganizationId, name: "research", members: ["dave"] });
    mockAddGroup({
      id: MockOtherGroupId,
      name: "gpu-lab",
      members: ["dave"],
      budgetMicros: 5_000_000_000,
      organizationId: MockOtherOrganizationId,
    });
  },
  play: async ({ canvasElement }) => {
    // A member's meter, not the group header's ("AI spend of … this month").
    await within(canvasElement).findAllByRole("progressbar", { name: /^AI spend of \S+$/ });
    await expect(row(canvasElement, "dave").getByText(OTHER_ORGANIZATION_NOTE)).toBeVisible();
    await expect(row(canvasElement, "dave").queryByRole("progressbar")).not.toBeInTheDocument();
  },
};

/** No budget anywhere: every member falls to the Everyone group, unlimited. */
export const EveryoneNotAllocated: Story = {
  beforeEach: () => setBudgetElsewhere(MockGroup.id, null),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByText("Everyone (not allocated)");
    await expect(row(canvasElement, "dave").getByText("Everyone (not allocated)")).toBeVisible();
    await expect(row(canvasElement, "dave").getByText("$24.99 / Unlimited")).toBeVisible();
    // No budget anywhere: said once, with where to set one.
    await expect(within(canvasElement).getByText("No AI budget applies to these members.")).toBeVisible();
    await expect(await within(canvasElement).findByRole("link", { name: "this group's settings" })).toBeVisible();
  },
};

/** A plain member: their own row only, and nothing to manage. */
export const SeenByAMember: Story = {
  beforeEach: () => mockSignIn("member"),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("progressbar", { name: "AI spend of member" })).toBeVisible();
    await expect(canvas.queryByRole("progressbar", { name: "AI spend of bob" })).not.toBeInTheDocument();
    await expect(canvas.queryByRole("button", { name: /^Actions for / })).not.toBeInTheDocument();
  },
};

export const SpendLoading: Story = {
  parameters: withHandlers(http.get(spendPath, () => delay("infinite"))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("bob");
    // The row can draw before its spend is asked for: wait for the spend cell to say it is loading.
    await waitFor(() => expect(row(canvasElement, "bob").getByText("Loading…")).toBeVisible());
    // No member's meter yet (the group header's spend is read on its own, and may show).
    await expect(row(canvasElement, "bob").queryByRole("progressbar")).not.toBeInTheDocument();
  },
};

/**
 * Just after a save lowered the budget that governed most members: their
 * limits are being read again (held here), the overridden member's is not.
 */
let spendReads = 0;
export const SpendUpdatingAfterSave: Story = {
  render: () => <AppAt path={`/organizations/coder/groups/${MockGroup.name}/settings`} />,
  beforeEach: () => {
    spendReads = 0;
    mockSetOverride("frank", MockGroup.id, 9_000_000_000);
  },
  // The settings page's own read is answered; the read after the save never is.
  parameters: withHandlers(http.get(spendPath, async () => (spendReads++ === 0 ? undefined : delay("infinite")))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = await canvas.findByLabelText("Monthly budget per member (USD)");
    await userEvent.clear(input);
    await userEvent.type(input, "500");
    // The preview shows once the settings page has every member's spend.
    await canvas.findByText("1 member is governed by another group or a per-user override and is not affected.");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    // $500 blocks bob at once: the save asks first, and is confirmed.
    const question = within(
      await within(canvasElement.ownerDocument.body).findByRole("alertdialog", { name: "Block 1 member now?" }),
    );
    await userEvent.click(question.getByRole("button", { name: "Save and block 1 member" }));
    // The settings page's impact callout names bob too: wait for the members tab itself.
    await waitFor(() => expect(canvas.getByRole("link", { name: "Members" })).toHaveAttribute("aria-current", "page"));
    await waitFor(() => expect(row(canvasElement, "bob").getByText("Updating…")).toBeVisible());
    await expect(row(canvasElement, "frank").getByText("Custom limit $9,000.00")).toBeVisible();
    // The toast goes before the picture, which would otherwise depend on how long all this took.
    toast.dismiss();
    await waitFor(() => expect(within(document.body).queryByText("Saved the AI budget.")).not.toBeInTheDocument());
    window.scrollTo(0, 0);
  },
};

export const SpendError: Story = {
  parameters: withHandlers(
    http.get(spendPath, () => HttpResponse.json({ message: "Spend is unavailable." }, { status: 500 })),
  ),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole("alert");
    await expect(alert).toHaveTextContent("Could not load the members' AI spend.");
    await expect(alert).toHaveTextContent("Spend is unavailable.");
    await expect(within(alert).getByRole("button", { name: "Retry" })).toBeVisible();
    await expect(within(canvasElement).getByText("bob")).toBeVisible();
  },
};

export const OverrideDialogOpen: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Actions for frank" }));
    await userEvent.click(await within(document.body).findByRole("menuitem", { name: "Manage AI budget" }));
    const dialog = within(await within(document.body).findByRole("dialog", { name: "AI budget of Frank" }));
    const checkbox = await dialog.findByRole("checkbox", { name: "Override group budget" });
    await expect(checkbox).not.toBeChecked();
    await expect(dialog.getByLabelText("Custom monthly budget")).toBeDisabled();
    await userEvent.click(checkbox);
    await expect(dialog.getByLabelText("Custom monthly budget")).toBeEnabled();
    await expect(dialog.getByRole("combobox", { name: "Budget assigned to" })).toHaveValue(MockGroup.id);
  },
};

/** An Organization Admin may manage the group, but only an Owner or a User Admin may change a member's budget. */
export const OverrideDialogReadOnly: Story = {
  beforeEach: () => mockSignIn("orgadmin"),
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole("button", { name: "Actions for frank" }));
    await userEvent.click(await within(document.body).findByRole("menuitem", { name: "Manage AI budget" }));
    const dialog = within(await within(document.body).findByRole("dialog", { name: "AI budget of Frank" }));
    await expect(await dialog.findByRole("note")).toHaveTextContent(
      "Only an Owner or a User Admin can change a member's AI budget.",
    );
    await expect(dialog.queryByRole("button", { name: "Save" })).not.toBeInTheDocument();
  },
};

// The forecast, at fixed times in the mock backend's period (November 2026).

/** Mid-month: bob's pace crosses his limit before the reset; alice's stays under it. */
export const ForecastOverTheLimit: Story = {
  decorators: [atTime("2026-11-16T05:24:00.000Z")],
  play: async ({ canvasElement }) => {
    // A member's meter, not the group header's ("AI spend of … this month").
    await within(canvasElement).findAllByRole("progressbar", { name: /^AI spend of \S+$/ });
    await expect(row(canvasElement, "bob").getByText("On pace for $1,714.29 this month")).toBeVisible();
    await expect(row(canvasElement, "bob").getByText("Reaches the limit around November 18")).toBeVisible();
    await expect(row(canvasElement, "alice").getByText("On pace for $236.45 this month")).toBeVisible();
    await expect(row(canvasElement, "alice").queryByText(/Reaches the limit/)).not.toBeInTheDocument();
  },
};

/** The tooltip says the line is a straight line, not a promise. */
export const ForecastTooltip: Story = {
  decorators: [atTime("2026-11-16T05:24:00.000Z")],
  play: async ({ canvasElement }) => {
    // A member's meter, not the group header's ("AI spend of … this month").
    await within(canvasElement).findAllByRole("progressbar", { name: /^AI spend of \S+$/ });
    const pace = row(canvasElement, "alice").getByText("On pace for $236.45 this month");
    pace.focus();
    await expect(await within(canvasElement.ownerDocument.body).findByRole("tooltip")).toBeVisible();
    await expect(pace).toHaveAccessibleDescription(FORECAST_EXPLANATION);
  },
};

/** The period's first days: too early for a line. */
export const ForecastFirstDays: Story = {
  decorators: [atTime("2026-11-02T09:00:00.000Z")],
  play: async ({ canvasElement }) => {
    // A member's meter, not the group header's ("AI spend of … this month").
    await within(canvasElement).findAllByRole("progressbar", { name: /^AI spend of \S+$/ });
    await expect(within(canvasElement).queryByText(/On pace for/)).not.toBeInTheDocument();
  },
};

/** A group without members says how members get there. */
export const EmptyGroup: Story = {
  render: () => <AppAt path="/organizations/coder/groups/newcomers" />,
  beforeEach: () => mockAddGroup({ id: MockOtherGroupId, name: "newcomers", members: [] }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("This group has no members yet.")).toBeVisible();
  },
};

/** A deployment without the AI feature: members and Remove only, no spend, no budget to manage, no error. */
export const Unentitled: Story = {
  beforeEach: () => {
    mockBackend.aiEntitled = false;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("bob");
    await expect(canvas.queryByRole("columnheader", { name: "AI spend" })).not.toBeInTheDocument();
    await expect(canvas.getByRole("columnheader", { name: "Status" })).toBeVisible();
    await expect(canvas.queryByRole("alert")).not.toBeInTheDocument();
    await userEvent.click(await canvas.findByRole("button", { name: "Actions for bob" }));
    await expect(await within(document.body).findByRole("menuitem", { name: "Remove" })).toBeVisible();
    await expect(within(document.body).queryByRole("menuitem", { name: "Manage AI budget" })).not.toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
  },
};

/** The group itself still loading: the header's place and a skeleton of the table, not a blank page. */
export const GroupLoading: Story = {
  parameters: withHandlers(http.get("*/api/v2/organizations/:organization/groups/:groupName", () => delay("infinite"))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("status", { name: "Loading group" })).toBeVisible();
    await expect(canvas.getByRole("link", { name: "Members" })).toBeVisible();
  },
};

/** An amount past the maximum is refused as the admin leaves the field; a failed save says why and keeps the amount. */
export const OverrideDialogErrors: Story = {
  parameters: withHandlers(
    http.put("*/api/v2/users/:user/ai/budget/override", () =>
      HttpResponse.json({ message: "Database unavailable." }, { status: 500 }),
    ),
  ),
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole("button", { name: "Actions for frank" }));
    await userEvent.click(await within(document.body).findByRole("menuitem", { name: "Manage AI budget" }));
    const dialog = within(await within(document.body).findByRole("dialog", { name: "AI budget of Frank" }));
    await userEvent.click(await dialog.findByRole("checkbox", { name: "Override group budget" }));
    const amount = dialog.getByLabelText("Custom monthly budget");
    await userEvent.type(amount, "1000001");
    await userEvent.tab();
    await expect(dialog.getByRole("alert")).toHaveTextContent("Enter an amount between 0 and $1,000,000.");
    await userEvent.clear(amount);
    await userEvent.type(amount, "900");
    await userEvent.click(dialog.getByRole("button", { name: "Save" }));
    await expect(await dialog.findByRole("alert")).toHaveTextContent("Database unavailable.");
    await expect(amount).toHaveValue("900");
    // Settled for its picture: the save no longer in flight, and the admin back in the amount
    // (where the focus lands otherwise depends on how long Save was disabled).
    await waitFor(() => expect(dialog.getByRole("button", { name: "Save" })).toBeEnabled());
    await userEvent.click(amount);
  },
};

/** The override dialog on the narrowest phone: inside the screen, with its close button. */
export const OverrideDialogPhone: Story = {
  globals: { viewport: { value: "narrow" } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole("button", { name: "Actions for frank" }));
    await userEvent.click(await within(document.body).findByRole("menuitem", { name: "Manage AI budget" }));
    const dialog = await within(document.body).findByRole("dialog", { name: "AI budget of Frank" });
    await within(dialog).findByRole("checkbox", { name: "Override group budget" });
    await expect(within(dialog).getByRole("button", { name: "Close dialog" })).toBeVisible();
    const box = dialog.getBoundingClientRect();
    await expect(box.left).toBeGreaterThanOrEqual(0);
    await expect(box.right).toBeLessThanOrEqual(window.innerWidth);
  },
};

/** On the narrowest phone each member is a card: name, spend and budget, the actions at its corner; nothing scrolls sideways. */
export const Phone: Story = {
  globals: { viewport: { value: "narrow" } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("progressbar", { name: "AI spend of bob" });
    await expect(await row(canvasElement, "bob").findByRole("button", { name: "Actions for bob" })).toBeVisible();
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};

export const Desktop: Story = {
  globals: { viewport: { value: "desktop" } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("progressbar", { name: "AI spend of bob" });
    await expect(row(canvasElement, "bob").getByText("$870.00 of $1,000.00")).toBeVisible();
    await expect(row(canvasElement, "bob").getByText("bob@example.com")).toBeVisible();
  },
};
