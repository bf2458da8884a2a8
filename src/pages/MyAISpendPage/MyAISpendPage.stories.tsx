import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { mockBackend, mockSignIn } from "../../testHelpers/handlers";
import { AppAt } from "../../testHelpers/storyApp";
import { atTime } from "../../testHelpers/clock";

const meta = {
  title: "pages/MyAISpendPage",
  render: () => <AppAt path="/ai-spend" />,
  parameters: { layout: "fullscreen" },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** A member without admin rights: their spend in the account menu and on the page. */
export const AsMember: Story = {
  beforeEach: () => {
    mockSignIn("member");
  },
  decorators: [atTime("2026-11-16T05:24:00.000Z")],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "member" }));
    await expect(await canvas.findByRole("link", { name: "My AI spend: $312.50 / $1,000.00 USD" })).toBeVisible();
    await expect(await canvas.findByText("The budget of Developers, the highest of your groups.")).toBeVisible();
    await expect(canvas.getByText(/On pace for \$615\.76 this month/)).toBeVisible();
  },
};

/** A deployment without the AI feature: no spend in the menu, and the page says so. */
export const NotEntitled: Story = {
  beforeEach: () => {
    mockBackend.aiEntitled = false;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("AI spend is not available on this deployment.")).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "admin" }));
    await expect(canvas.queryByRole("link", { name: /My AI spend/ })).not.toBeInTheDocument();
  },
};
