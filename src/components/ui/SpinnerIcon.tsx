import type { FC } from "react";
import { cx } from "./cx";

const SIZES = {
  medium: "size-6 border-[3px] border-border-default border-t-content-primary",
  // In a button: the button's own colour turns.
  small: "size-[0.9rem] border-2 border-border-default border-t-current",
};

/** The turning ring alone, decorative: whatever holds it says it is busy. */
export const SpinnerIcon: FC<{ size?: keyof typeof SIZES }> = ({ size = "medium" }) => (
  <span
    className={cx(
      "inline-block rounded-full border-solid animate-spinner motion-reduce:[animation-duration:3s]",
      SIZES[size],
    )}
    aria-hidden="true"
  />
);
