import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { MockGroup, MockOtherGroupId } from "../../testHelpers/entities";
import { mockAddGroup, mockChargeSpend, mockSetOverride } from "../../testHelpers/handlers";
import { AppAt } from "../../testHelpers/storyApp";

const meta = {
  title: "pages/GroupsPage",
  render: () => <AppAt path="/organizations/coder/groups" />,
  parameters: { layout: "fullscreen" },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const rowOf = (canvasElement: HTMLElement, name: string) => within(within(canvasElement).getByRole("link", { name }).closest("tr")!);

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
