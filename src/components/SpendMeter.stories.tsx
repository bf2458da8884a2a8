import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { SpendMeter } from "./SpendMeter";

const meta = {
  title: "components/SpendMeter",
  component: SpendMeter,
  args: { label: "AI spend of bob", spentMicros: 460_000_000, limitMicros: 1_000_000_000 },
} satisfies Meta<typeof SpendMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("$460.00 / $1,000.00")).toBeVisible();
    await expect(canvas.getByRole("progressbar", { name: "AI spend of bob" })).toHaveAttribute("aria-valuetext", "$460.00 of $1,000.00 (46%)");
    await expect(canvas.queryByText(/limit$/)).not.toBeInTheDocument();
  },
};

export const Warning: Story = {
  args: { spentMicros: 850_000_000 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Near the limit")).toBeVisible();
    await expect(canvas.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "85");
  },
};

export const Exceeded: Story = {
  args: { spentMicros: 1_050_000_000 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Over the limit")).toBeVisible();
    // The bar stops at full; the text says by how much.
    await expect(canvas.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    await expect(canvas.getByRole("progressbar")).toHaveAttribute("aria-valuetext", "$1,050.00 of $1,000.00 (105%), over the limit");
  },
};

export const ZeroBudgetWithSpend: Story = {
  args: { spentMicros: 2_500_000, limitMicros: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("$2.50 / $0.00")).toBeVisible();
    await expect(canvas.getByText("Over the limit")).toBeVisible();
  },
};

export const Unlimited: Story = {
  args: { spentMicros: 40_000_000, limitMicros: null },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("$40.00 / Unlimited")).toBeVisible();
    await expect(canvas.queryByRole("progressbar")).not.toBeInTheDocument();
  },
};
