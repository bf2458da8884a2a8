import type { Meta, StoryObj } from "@storybook/react-vite";
import { delay, http, HttpResponse } from "msw";
import { expect, within } from "storybook/test";
import { MockGroup, MockOtherGroupId } from "../../../testHelpers/entities";
import { mockAddGroup, mockChargeSpend, mockSetOverride } from "../../../testHelpers/handlers";
import { AppAt, withHandlers } from "../../../testHelpers/storyApp";
import { atTime } from "../../../testHelpers/clock";

const meta = {
  title: "pages/GroupsListPage",
  render: () => <AppAt path="/organizations/coder/groups" />,
  parameters: { layout: "fullscreen" },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const rowOf = (canvasElement: HTMLElement, name: string) =>
  within(within(canvasElement).getByRole("link", { name }).closest("tr")!);

/** Each group's spend against the limit of the members it governs. */
export const WithSpend: Story = {
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("link", { name: "Developers" });
    await expect(await rowOf(canvasElement, "Developers").findByText("$2,377.49 / $7,000.00")).toBeVisible();
    await expect(rowOf(canvasElement, "Contractors").getByText("$0.00 / Unlimited")).toBeVisible();
  },
};

/**
 * frank's own $9,000 limit is charged to developers and counts at its own
 * amount; erin is also in platform, whose higher budget governs her, so she
 * counts there and not in developers.
 */
export const WithOverridesAndSharedMembers: Story = {
  beforeEach: () => {
    mockSetOverride("frank", MockGroup.id, 9_000_000_000);
    mockAddGroup({ id: MockOtherGroupId, name: "platform", members: ["erin"], budgetMicros: 2_000_000_000 });
    mockChargeSpend("erin", MockOtherGroupId, 1_900_000_000);
  },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("link", { name: "platform" });
    await expect(await rowOf(canvasElement, "Developers").findByText("$2,377.49 / $14,000.00")).toBeVisible();
    await expect(rowOf(canvasElement, "platform").getByText("$1,900.00 / $2,000.00")).toBeVisible();
    await expect(rowOf(canvasElement, "platform").getByText("Near the limit")).toBeVisible();
  },
};

/** Mid-month, Developers' pace stays under the limit of the members it governs. */
export const ForecastUnderTheLimit: Story = {
  decorators: [atTime("2026-11-16T05:24:00.000Z")],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("link", { name: "Developers" });
    await expect(await rowOf(canvasElement, "Developers").findByText("On pace for $4,684.71 this month")).toBeVisible();
    await expect(rowOf(canvasElement, "Developers").queryByText(/Reaches the limit/)).not.toBeInTheDocument();
  },
};

/** Mid-month, Developers' pace crosses the limit before the reset. */
export const ForecastOverTheLimit: Story = {
  beforeEach: () => {
    mockChargeSpend("alice", MockGroup.id, 1_682_510_000);
  },
  decorators: [atTime("2026-11-16T05:24:00.000Z")],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("link", { name: "Developers" });
    await expect(await rowOf(canvasElement, "Developers").findByText("On pace for $8,000.00 this month")).toBeVisible();
    await expect(rowOf(canvasElement, "Developers").getByText(/^Reaches the limit around November 2\d$/)).toBeVisible();
  },
};

/** In the period's first days there is no forecast. */
export const ForecastFirstDays: Story = {
  decorators: [atTime("2026-11-02T09:00:00.000Z")],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("link", { name: "Developers" });
    await expect(await rowOf(canvasElement, "Developers").findByText("$2,377.49 / $7,000.00")).toBeVisible();
    await expect(within(canvasElement).queryByText(/On pace for/)).not.toBeInTheDocument();
  },
};

/** carol is over her limit; frank's $0 override charged to developers blocks him too. */
export const MembersOverTheirLimit: Story = {
  beforeEach: () => {
    mockSetOverride("frank", MockGroup.id, 0);
  },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("link", { name: "Developers" });
    await expect(await rowOf(canvasElement, "Developers").findByText("2 members over their limit")).toBeVisible();
  },
};

/** While the groups load, the header and the table's columns stay; rows are skeletons. */
export const Loading: Story = {
  parameters: withHandlers(http.get("*/api/v2/organizations/:organization/groups", () => delay("infinite"))),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole("table", { name: "Loading groups" });
    await expect(table).toHaveAttribute("aria-busy", "true");
    await expect(canvas.getByRole("heading", { name: "Groups" })).toBeVisible();
    await expect(within(table).getByRole("columnheader", { name: "Members" })).toBeVisible();
  },
};

/** An organization without groups says where groups come from. */
export const NoGroups: Story = {
  parameters: withHandlers(http.get("*/api/v2/organizations/:organization/groups", () => HttpResponse.json([]))),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("This organization has no groups yet.")).toBeVisible();
  },
};

/** An organization that does not exist: a 404 with a way back, not Retry. */
export const UnknownOrganization: Story = {
  render: () => <AppAt path="/organizations/nowhere/groups" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("heading", { name: "Organization not found" })).toBeVisible();
    await expect(canvas.getByRole("link", { name: "Back to the start" })).toBeVisible();
    await expect(canvas.queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
  },
};

/** On the narrowest phone each group is a card; nothing scrolls sideways. */
export const Phone: Story = {
  globals: { viewport: { value: "narrow" } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("link", { name: "Developers" });
    await expect(await rowOf(canvasElement, "Developers").findByText("$2,377.49 / $7,000.00")).toBeVisible();
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};

export const Desktop: Story = {
  globals: { viewport: { value: "desktop" } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole("link", { name: "Developers" });
    await expect(await rowOf(canvasElement, "Developers").findByText("$2,377.49 / $7,000.00")).toBeVisible();
  },
};
