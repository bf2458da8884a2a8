import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { Skeleton, SkeletonStack } from "./Skeleton";

const meta = {
  title: "components/Skeleton",
  component: Skeleton,
  args: { width: "12rem", height: "1rem" },
} satisfies Meta<typeof Skeleton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Hidden from screen readers: the region around it says it is busy. */
export const Line: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("span")).toHaveAttribute("aria-hidden", "true");
  },
};

export const Round: Story = { args: { width: "2.25rem", height: "2.25rem", round: true } };

/** A member's row while its spend loads. */
export const SpendRow: Story = {
  render: () => (
    <div role="status" aria-label="Loading" style={{ display: "flex", gap: "0.75rem", alignItems: "center" }}>
      <Skeleton width="2.25rem" height="2.25rem" round />
      <SkeletonStack as="span">
        <Skeleton width="9rem" height="0.9rem" />
        <Skeleton width="9rem" height="0.375rem" />
      </SkeletonStack>
    </div>
  ),
};
