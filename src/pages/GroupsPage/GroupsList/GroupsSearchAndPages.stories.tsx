import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { mockAddGroup } from "../../../testHelpers/handlers";
import { AppAt } from "../../../testHelpers/storyApp";

const meta = {
  title: "pages/GroupsPage/SearchAndPages",
  render: () => <AppAt path="/organizations/coder/groups" />,
  parameters: { layout: "fullscreen" },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** Thirty more groups than the fixtures: two pages. */
const manyGroups = () => {
  for (let i = 1; i <= 30; i++) {
    const n = String(i).padStart(2, "0");
    mockAddGroup({ id: `00000000-0000-4000-a000-0000000000${n}`, name: `team-${n}`, members: ["alice"] });
  }
};

/** A search nothing matches says so, and what it searched. */
export const NoSearchResults: Story = {
  render: () => <AppAt path="/organizations/coder/groups?q=zzz" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("No groups match “zzz”.")).toBeVisible();
    await expect(canvas.getByLabelText("Search groups")).toHaveValue("zzz");
  },
};

/** Typing filters by name or display name at once. */
/** Many groups: 25 a page, Everyone first; the next page shows the rest. */
export const ManyPages: Story = {
  beforeEach: manyGroups,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/Showing 1–25 of 3\d groups/)).toBeVisible();
    await expect(canvas.getByText("Page 1 of 2")).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Previous" })).toBeDisabled();
  },
};

export const SecondPage: Story = {
  beforeEach: manyGroups,
  render: () => <AppAt path="/organizations/coder/groups?page=2" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("Page 2 of 2")).toBeVisible();
    await expect(canvas.getByRole("link", { name: "team-30" })).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Next" })).toBeDisabled();
  },
};

/** The Create group button opens Coder's form. */
export const CreateGroupOpen: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Create group" }));
    await expect(await within(document.body).findByRole("dialog", { name: "Create group" })).toBeVisible();
  },
};

/** Many pages on the narrowest phone: nothing scrolls sideways. */
export const ManyPagesPhone: Story = {
  beforeEach: manyGroups,
  globals: { viewport: { value: "narrow" } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("Page 1 of 2")).toBeVisible();
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};
