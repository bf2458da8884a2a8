import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { Organization } from "../../../core/types";
import { MockOrganizationId, MockOtherOrganizationId } from "../../testHelpers/entities";
import { withAppProviders } from "../../testHelpers/storyApp";
import { OrganizationSwitcher } from "./OrganizationSwitcher";

const organization = (id: string, name: string, display_name: string, is_default = false): Organization => ({
  id,
  name,
  display_name,
  description: "",
  icon: "",
  created_at: "2026-01-05T09:00:00Z",
  updated_at: "2026-01-05T09:00:00Z",
  is_default,
});

const CODER = organization(MockOrganizationId, "coder", "Coder", true);
const RESEARCH = organization(MockOtherOrganizationId, "research", "Research");
const DESIGN = organization("6d6d8f6e-3a4b-4c2f-9d1e-000000000003", "design", "Design studio");

const onGroups = (name: string) => ({ organization: name, pathname: `/organizations/${name}/groups` });

const meta = {
  title: "components/AppNavigation/OrganizationSwitcher",
  component: OrganizationSwitcher,
  decorators: [withAppProviders],
  args: {
    organizations: [CODER, RESEARCH, DESIGN],
    current: "research",
    page: onGroups("research"),
    reportReadable: (_organizationId: string) => true as boolean,
  },
} satisfies Meta<typeof OrganizationSwitcher>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The menu renders in a portal, outside the story's root. */
const menuOf = async (canvasElement: HTMLElement) =>
  within(await within(canvasElement.ownerDocument.body).findByRole("menu"));

/** Opens with a click; the entries whose name is the organization's, in the order given. */
const openByClick = async (canvasElement: HTMLElement, currentName: string) => {
  await userEvent.click(within(canvasElement).getByRole("button", { name: `Organization: ${currentName}` }));
  return menuOf(canvasElement);
};

/** One organization: its entry, marked current, and its other screen. */
export const OneOrganizationOpen: Story = {
  args: { organizations: [CODER], current: "coder", page: onGroups("coder") },
  play: async ({ canvasElement }) => {
    const menu = await openByClick(canvasElement, "Coder");
    const items = menu.getAllByRole("menuitem");
    await expect(items.map((item) => item.textContent)).toEqual(["Coderdefault", "AI spend report"]);
    await expect(items[0]).toHaveAttribute("aria-current", "true");
    await expect(items[0]).toHaveAttribute("href", "/organizations/coder/groups");
    await expect(menu.getByRole("menuitem", { name: "AI spend report of Coder" })).toHaveAttribute(
      "href",
      "/organizations/coder/ai-spend",
    );
  },
};

/** Several: the default first, the one in view (Research) marked, each with its other screen. */
export const SeveralOrganizationsOpen: Story = {
  play: async ({ canvasElement }) => {
    const menu = await openByClick(canvasElement, "Research");
    const groups = menu.getAllByRole("group");
    await expect(groups.map((group) => group.getAttribute("aria-label"))).toEqual([
      "Coder",
      "Research",
      "Design studio",
    ]);
    await expect(within(groups[0]!).getAllByRole("menuitem")[0]).toHaveTextContent("default");
    const current = menu.getAllByRole("menuitem").filter((item) => item.getAttribute("aria-current") === "true");
    await expect(current).toHaveLength(1);
    await expect(current[0]).toHaveTextContent("Research");
    await expect(menu.getByRole("menuitem", { name: "AI spend report of Design studio" })).toHaveAttribute(
      "href",
      "/organizations/design/ai-spend",
    );
  },
};

/**
 * On the spend report, each entry keeps the report; where the viewer may not
 * read an organization's report (Design studio), its entry is its groups list.
 */
export const OnTheReportOpen: Story = {
  args: {
    current: "coder",
    page: { organization: "coder", pathname: "/organizations/coder/ai-spend" },
    reportReadable: (id: string) => id !== DESIGN.id,
  },
  play: async ({ canvasElement }) => {
    const menu = await openByClick(canvasElement, "Coder");
    const design = within(menu.getByRole("group", { name: "Design studio" }));
    await expect(design.getAllByRole("menuitem")).toHaveLength(1);
    await expect(design.getByRole("menuitem")).toHaveAttribute("href", "/organizations/design/groups");
    await expect(menu.getByRole("menuitem", { name: "Groups of Research" })).toHaveAttribute(
      "href",
      "/organizations/research/groups",
    );
  },
};

/** By keyboard: Enter opens on the first entry, arrows move, Escape closes back onto the button. */
export const Keyboard: Story = {
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole("button", { name: "Organization: Research" });
    trigger.focus();
    await userEvent.keyboard("{Enter}");
    const menu = await menuOf(canvasElement);
    const items = menu.getAllByRole("menuitem");
    await waitFor(() => expect(items[0]).toHaveFocus());
    await userEvent.keyboard("{ArrowDown}");
    await expect(items[1]).toHaveFocus();
    await userEvent.keyboard("{ArrowUp}");
    await expect(items[0]).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(within(canvasElement.ownerDocument.body).queryByRole("menu")).not.toBeInTheDocument());
    await expect(trigger).toHaveFocus();
    await expect(trigger).toHaveAttribute("aria-expanded", "false");
    // Open again with the arrow key and move to Research's entry: the picture shows the focus there.
    await userEvent.keyboard("{ArrowDown}");
    const again = await menuOf(canvasElement);
    const research = again.getByRole("menuitem", { name: /^Research/ });
    await waitFor(() => expect(again.getAllByRole("menuitem")[0]).toHaveFocus());
    await userEvent.keyboard("{ArrowDown}{ArrowDown}");
    await expect(research).toHaveFocus();
  },
};
