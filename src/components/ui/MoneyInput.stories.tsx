import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, within } from "storybook/test";
import { amountInputError } from "../../../core/currency";
import { MoneyInput } from "./MoneyInput";

/** An amount in dollars, checked by the app's one money parser as it is typed. */
const Checked = ({ initial, disabled, readOnly }: { initial: string; disabled?: boolean; readOnly?: boolean }) => {
  const [value, setValue] = useState(initial);
  const [touched, setTouched] = useState(false);
  return (
    <div style={{ maxWidth: "20rem" }}>
      <MoneyInput
        label="Custom monthly budget"
        value={value}
        disabled={disabled}
        readOnly={readOnly}
        helperText="0 disables AI; at most $1,000,000."
        error={touched ? amountInputError(value) : undefined}
        onChange={(event) => setValue(event.target.value)}
        onBlur={() => setTouched(true)}
      />
    </div>
  );
};

const meta = {
  title: "components/MoneyInput",
  component: Checked,
  args: { initial: "1000" },
  argTypes: { initial: { control: "text", description: "The amount in US dollars, as typed" } },
} satisfies Meta<typeof Checked>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText("Custom monthly budget")).toHaveValue("1000");
  },
};

/** Leaving the field with an amount past the maximum shows the message there and then. */
export const InvalidOnBlur: Story = {
  args: { initial: "" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("Custom monthly budget"), "1000001");
    await userEvent.tab();
    await expect(canvas.getByRole("alert")).toHaveTextContent("Enter an amount between 0 and $1,000,000.");
    await expect(canvas.getByLabelText("Custom monthly budget")).toHaveAttribute("aria-invalid", "true");
  },
};

/** Disabled looks disabled: dimmed, dashed, no pointer. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText("Custom monthly budget")).toBeDisabled();
  },
};

export const ReadOnly: Story = { args: { readOnly: true } };
