import type { Meta, StoryObj } from "@storybook/react-vite";
import { http, HttpResponse } from "msw";
import { expect, userEvent, within } from "storybook/test";
import type { UserAISpend } from "../../core/types";
import { MockGroup, MockPeriod } from "../testHelpers/entities";
import { withAppProviders, withHandlers } from "../testHelpers/storyApp";
import { dollarsToMicros } from "../../core/currency";
import { AccountMenu } from "./AccountMenu";

/** The deployment's answer for the signed-in user, from dollars ("" for no limit). */
const mySpend = (spentUSD: string, limitUSD: string): UserAISpend => ({
  user_id: "u",
  effective_group_id: MockGroup.id,
  effective_budget: limitUSD === "" ? null : { spend_limit_micros: dollarsToMicros(limitUSD), limit_source: "group" },
  current_spend_micros: dollarsToMicros(spentUSD),
  ...MockPeriod,
});
const answering = (spentUSD: string, limitUSD: string) =>
  withHandlers(http.get("*/api/v2/users/me/ai/spend", () => HttpResponse.json(mySpend(spentUSD, limitUSD))));

const meta = {
  title: "components/AccountMenu",
  component: AccountMenu,
  decorators: [withAppProviders],
  args: { username: "admin" },
  parameters: answering("312.50", "1000"),
} satisfies Meta<typeof AccountMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

const openMenu = async (canvasElement: HTMLElement) => {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole("button", { name: "admin" }));
  return canvas;
};

/** Closed: the username only; nothing is asked until it opens. */
export const Closed: Story = {
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole("button", { name: "admin" });
    await expect(button).toHaveAttribute("aria-expanded", "false");
  },
};

/** Open, under the limit: this period's spend against the limit, a link to My AI spend. */
export const UnderTheLimit: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await openMenu(canvasElement);
    await expect(await canvas.findByRole("link", { name: "My AI spend: $312.50 / $1,000.00 USD" })).toHaveAttribute(
      "href",
      "/ai-spend",
    );
  },
};

/** Near the limit (80 % or more). */
export const NearTheLimit: Story = {
  parameters: answering("870", "1000"),
  play: async ({ canvasElement }) => {
    const canvas = await openMenu(canvasElement);
    await expect(await canvas.findByRole("link", { name: "My AI spend: $870.00 / $1,000.00 USD" })).toBeVisible();
  },
};

/** At or over the limit: Coder blocks AI requests until the period resets. */
export const OverTheLimit: Story = {
  parameters: answering("1050", "1000"),
  play: async ({ canvasElement }) => {
    const canvas = await openMenu(canvasElement);
    await expect(await canvas.findByRole("link", { name: "My AI spend: $1,050.00 / $1,000.00 USD" })).toBeVisible();
  },
};

/** No budget governs the user. */
export const Unlimited: Story = {
  parameters: answering("25492", ""),
  play: async ({ canvasElement }) => {
    const canvas = await openMenu(canvasElement);
    await expect(await canvas.findByRole("link", { name: "My AI spend: $25,492.00 / Unlimited USD" })).toBeVisible();
  },
};

/** The spend could not be read: said so, in the menu. */
export const LoadError: Story = {
  parameters: withHandlers(
    http.get("*/api/v2/users/me/ai/spend", () => HttpResponse.json({ message: "Internal error." }, { status: 500 })),
  ),
  play: async ({ canvasElement }) => {
    const canvas = await openMenu(canvasElement);
    await expect(await canvas.findByText("Could not load your AI spend.")).toBeVisible();
  },
};
