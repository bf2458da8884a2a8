import type { FC } from "react";
import { SpinnerIcon } from "./ui/SpinnerIcon";

/** A page or panel that is loading: the ring, and what is loading in words for screen readers. */
export const Spinner: FC<{ label: string }> = ({ label }) => (
  <div className="flex justify-center p-10" role="status" aria-live="polite">
    <SpinnerIcon />
    <span className="sr-only">{label}</span>
  </div>
);
