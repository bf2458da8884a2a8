import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { MockOtherOrganizationId } from "../../testHelpers/entities";
import { mockAddOrganization, mockSignIn } from "../../testHelpers/handlers";
import { AppAt } from "../../testHelpers/storyApp";

const meta = {
  title: "components/AppNavigation",
  render: () => <AppAt path="/organizations/coder/groups" />,
  parameters: { layout: "fullscreen" },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const research = () =>
  mockAddOrganization({ id: MockOtherOrganizationId, name: "research", members: ["admin", "alice"] });
const navigation = (canvasElement: HTMLElement) => within(canvasElement).findByRole("navigation", { name: "Main" });

/** One organization: no switcher; Groups, the report and My AI spend, the groups list marked current. */
export const OneOrganization: Story = {
  play: async ({ canvasElement }) => {
    const nav = within(await navigation(canvasElement));
    await expect(await nav.findByRole("link", { name: "Groups" })).toHaveAttribute("aria-current", "page");
    await expect(await nav.findByRole("link", { name: "AI spend report" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "My AI spend" })).not.toHaveAttribute("aria-current");
    await expect(nav.queryByRole("button", { name: /^Organization:/ })).not.toBeInTheDocument();
  },
};

/** A member sees no spend report: it is for those who administer the organization's groups. */
export const Member: Story = {
  beforeEach: () => mockSignIn("member"),
  play: async ({ canvasElement }) => {
    const nav = within(await navigation(canvasElement));
    await expect(await nav.findByRole("link", { name: "My AI spend" })).toBeVisible();
    await expect(nav.queryByRole("link", { name: "AI spend report" })).not.toBeInTheDocument();
  },
};

/** Two organizations: the switcher names the one in view. */
export const ManyOrganizations: Story = {
  beforeEach: research,
  play: async ({ canvasElement }) => {
    const nav = within(await navigation(canvasElement));
    await expect(await nav.findByRole("button", { name: "Organization: Coder" })).toBeVisible();
  },
};

/** On the narrowest phone the navigation wraps; nothing scrolls sideways. */
export const Phone: Story = {
  beforeEach: research,
  globals: { viewport: { value: "narrow" } },
  play: async ({ canvasElement }) => {
    const nav = within(await navigation(canvasElement));
    await expect(await nav.findByRole("button", { name: "Organization: Coder" })).toBeVisible();
    await within(canvasElement).findByRole("link", { name: "Developers" });
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};
