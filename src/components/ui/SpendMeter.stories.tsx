import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { dollarsToMicros } from "../../../core/currency";
import { SpendMeter } from "./SpendMeter";

/** The controls take dollars, as an admin reads them; the meter gets micros, as the API sends them. */
interface SpendMeterStoryArgs {
  label: string;
  spentUSD: string;
  /** Empty: no limit (Unlimited). */
  limitUSD: string;
  format: "slash" | "of";
}

const meta = {
  title: "components/SpendMeter",
  args: { label: "AI spend of bob", spentUSD: "460", limitUSD: "1000", format: "slash" },
  argTypes: {
    spentUSD: { control: "text", description: "Spent this period, in US dollars" },
    limitUSD: { control: "text", description: "The limit in US dollars; empty for Unlimited" },
    format: { control: "inline-radio", options: ["slash", "of"] },
  },
  render: ({ label, spentUSD, limitUSD, format }) => (
    <div style={{ maxWidth: "20rem" }}>
      <SpendMeter
        label={label}
        spentMicros={dollarsToMicros(spentUSD)}
        limitMicros={limitUSD.trim() === "" ? null : dollarsToMicros(limitUSD)}
        format={format}
      />
    </div>
  ),
} satisfies Meta<SpendMeterStoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("$460.00 / $1,000.00")).toBeVisible();
    await expect(canvas.getByRole("progressbar", { name: "AI spend of bob" })).toHaveAttribute(
      "aria-valuetext",
      "$460.00 of $1,000.00 (46%)",
    );
    await expect(canvas.queryByText(/limit$/)).not.toBeInTheDocument();
  },
};

/** As a member's row says it: spend, limit and share on one line. */
export const MemberRow: Story = {
  args: { spentUSD: "870", format: "of" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("$870.00 of $1,000.00")).toBeVisible();
    await expect(canvas.getByText("· 87 %")).toBeVisible();
    await expect(canvas.getByText("Near the limit")).toBeVisible();
  },
};

export const Warning: Story = {
  args: { spentUSD: "850" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Near the limit")).toBeVisible();
    await expect(canvas.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "85");
  },
};

export const Exceeded: Story = {
  args: { spentUSD: "1050" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Over the limit")).toBeVisible();
    // The bar stops at full; the text says by how much.
    await expect(canvas.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    await expect(canvas.getByRole("progressbar")).toHaveAttribute(
      "aria-valuetext",
      "$1,050.00 of $1,000.00 (105%), over the limit",
    );
  },
};

export const ZeroBudgetWithSpend: Story = {
  args: { spentUSD: "2.50", limitUSD: "0" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("$2.50 / $0.00")).toBeVisible();
    await expect(canvas.getByText("Over the limit")).toBeVisible();
  },
};

export const Unlimited: Story = {
  args: { spentUSD: "40", limitUSD: "" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("$40.00 / Unlimited")).toBeVisible();
    await expect(canvas.queryByRole("progressbar")).not.toBeInTheDocument();
  },
};
