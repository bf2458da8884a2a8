// The members tab's own paging, search and membership changes: many pages,
// a search that finds no one, Add users with what joining does to budgets,
// Remove with what leaving does, and the errors of each.
import type { Meta, StoryObj } from "@storybook/react-vite";
import { http, HttpResponse } from "msw";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { MockGroup, MockOtherGroupId, MockOtherOrganizationId } from "../../../testHelpers/entities";
import {
  mockAddGroup,
  mockAddOrganization,
  mockAddUsers,
  mockBackend,
  mockSetOverride,
} from "../../../testHelpers/handlers";
import { AppAt, withHandlers } from "../../../testHelpers/storyApp";

const meta = {
  title: "pages/GroupLayout/GroupMembersPage/Membership",
  render: () => <AppAt path={`/organizations/coder/groups/${MockGroup.name}`} />,
  parameters: { layout: "fullscreen" },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const body = () => within(document.body);
const newcomer = (username: string, n: number) => ({
  id: `00000000-0000-4000-8000-0000000009${String(n).padStart(2, "0")}`,
  username,
  email: `${username}@example.com`,
  name: username,
  avatar_url: "",
  status: "active" as const,
  created_at: "2026-02-01T00:00:00.000Z",
  last_seen_at: "2026-02-01T00:00:00.000Z",
});

/** 60 members: 25 a page, Coder's pagination under the table. */
export const ManyPages: Story = {
  beforeEach: () => {
    const many = Array.from({ length: 53 }, (_, i) => newcomer(`user-${String(i).padStart(2, "0")}`, i));
    mockAddUsers(many);
    const developers = mockBackend.groups.find((g) => g.id === MockGroup.id)!;
    developers.members.push(...many);
    developers.total_member_count = developers.members.length;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("Showing 1–25 of 60 members")).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Next" }));
    await expect(await canvas.findByText("Showing 26–50 of 60 members")).toBeVisible();
    await expect(canvas.getByText("Page 2 of 3")).toBeVisible();
    await expect(await canvas.findByText("user-22")).toBeVisible();
  },
};

/** A search that matches no one says so, and keeps what was typed. */
export const NoSearchResults: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("bob");
    await userEvent.type(canvas.getByRole("searchbox", { name: "Search members" }), "nobody-here");
    await expect(await canvas.findByText('No members match "nobody-here".')).toBeVisible();
    await expect(canvas.getByRole("searchbox", { name: "Search members" })).toHaveValue("nobody-here");
  },
};

const withNewcomers = () => {
  mockAddUsers([newcomer("grace", 1), newcomer("heidi", 2)]);
  mockAddGroup({ id: MockOtherGroupId, name: "platform", members: ["grace"], budgetMicros: 2_000_000_000 });
};

async function chooseInAddUsers(canvasElement: HTMLElement, usernames: string[]) {
  await userEvent.click(await within(canvasElement).findByRole("button", { name: "Add users" }));
  const dialog = within(await body().findByRole("dialog", { name: "Add users" }));
  for (const username of usernames) {
    await userEvent.click(await dialog.findByRole("checkbox", { name: new RegExp(`^${username} `) }));
  }
  return dialog;
}

/** Choosing users says, for each, what joining does to the budget that governs them. */
export const AddUsersWithImpact: Story = {
  beforeEach: withNewcomers,
  play: async ({ canvasElement }) => {
    const dialog = await chooseInAddUsers(canvasElement, ["heidi", "grace"]);
    await expect(await dialog.findByText("heidi: Unlimited → $1,000.00 (this group)")).toBeVisible();
    await expect(await dialog.findByText("grace: no change: $2,000.00 (platform) is higher")).toBeVisible();
    await expect(dialog.getByRole("checkbox", { name: /^bob / })).toBeDisabled();
    await expect(dialog.getByRole("button", { name: "Add 2 users" })).toBeEnabled();
  },
};

/** A refused addition keeps the dialog and the choice, with Coder's words. */
export const AddUsersError: Story = {
  beforeEach: withNewcomers,
  parameters: withHandlers(
    http.patch(`*/api/v2/groups/${MockGroup.id}`, () =>
      HttpResponse.json({ message: "Cannot add the same user to a group twice!" }, { status: 400 }),
    ),
  ),
  play: async ({ canvasElement }) => {
    const dialog = await chooseInAddUsers(canvasElement, ["heidi"]);
    await userEvent.click(dialog.getByRole("button", { name: "Add 1 user" }));
    await expect(await dialog.findByRole("alert")).toHaveTextContent("Cannot add the same user to a group twice!");
    await expect(dialog.getByRole("checkbox", { name: /^heidi / })).toBeChecked();
  },
};

async function askToRemove(canvasElement: HTMLElement, username: string) {
  await userEvent.click(await within(canvasElement).findByRole("button", { name: `Actions for ${username}` }));
  await userEvent.click(await body().findByRole("menuitem", { name: "Remove" }));
  return within(await body().findByRole("alertdialog", { name: `Remove ${username} from developers?` }));
}

/** frank's override is charged here: the question says it goes, and what governs him after. */
export const RemoveWithOverride: Story = {
  beforeEach: () => mockSetOverride("frank", MockGroup.id, 9_000_000_000),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByRole("progressbar");
    const dialog = await askToRemove(canvasElement, "frank");
    await expect(
      await dialog.findByText(
        /Their custom limit of \$9,000\.00, charged to developers, is deleted with the membership\./,
      ),
    ).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Cancel" })).toHaveFocus();
  },
};

/** Removing bob: the group's budget stops governing him, and nothing else sets one. */
export const RemoveMember: Story = {
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByRole("progressbar");
    const dialog = await askToRemove(canvasElement, "bob");
    await expect(await dialog.findByText(/This group's \$1,000\.00 budget governs them now\./)).toBeVisible();
    await userEvent.click(dialog.getByRole("button", { name: "Remove" }));
    await expect(await within(canvasElement).findByText("Removed bob from developers.")).toBeVisible();
    await waitFor(() => expect(within(canvasElement).queryByText("bob@example.com")).not.toBeInTheDocument());
  },
};

/** A refused removal says why, and bob stays. */
export const RemoveError: Story = {
  parameters: withHandlers(
    http.patch(`*/api/v2/groups/${MockGroup.id}`, () =>
      HttpResponse.json({ message: "Resource not found or you do not have access to this resource" }, { status: 404 }),
    ),
  ),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByRole("progressbar");
    const dialog = await askToRemove(canvasElement, "bob");
    await userEvent.click(dialog.getByRole("button", { name: "Remove" }));
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent(
      "Could not remove the member; nothing changed.",
    );
    await expect(within(canvasElement).getByText("bob@example.com")).toBeVisible();
  },
};

/** The Everyone group: its members are the organization's, so neither Add users nor Remove is offered. */
export const EveryoneGroup: Story = {
  render: () => <AppAt path="/organizations/coder/groups/Everyone" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Actions for bob" }));
    await expect(await body().findByRole("menuitem", { name: "Manage AI budget" })).toBeVisible();
    await expect(body().queryByRole("menuitem", { name: "Remove" })).not.toBeInTheDocument();
    await expect(canvas.queryByRole("button", { name: "Add users" })).not.toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
  },
};

/** dave is governed by a group of another organization: Manage AI budget is off, and says why. */
export const ManageDisabledForAnotherOrganization: Story = {
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
    await within(canvasElement).findAllByRole("progressbar");
    await userEvent.click(await within(canvasElement).findByRole("button", { name: "Actions for dave" }));
    const item = await within(document.body).findByRole("menuitem", { name: /Manage AI budget/ });
    await expect(item).toHaveAttribute("aria-disabled", "true");
    await expect(item).toHaveTextContent("A group of another organization governs this budget");
    await userEvent.keyboard("{Escape}");
  },
};
