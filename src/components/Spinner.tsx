import type { FC } from "react";

export const Spinner: FC<{ label: string }> = ({ label }) => (
  <div className="spinner-wrap" role="status" aria-live="polite">
    <span className="spinner" aria-hidden="true" />
    <span className="visually-hidden">{label}</span>
  </div>
);
