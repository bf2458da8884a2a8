import type { Decorator } from "@storybook/react-vite";
import { ClockContext } from "../utils/clock";

/** A story drawn at a fixed time, so its forecasts read the same on every run. */
export const atTime =
  (iso: string): Decorator =>
  (Story) => (
    <ClockContext value={() => new Date(iso)}>
      <Story />
    </ClockContext>
  );
