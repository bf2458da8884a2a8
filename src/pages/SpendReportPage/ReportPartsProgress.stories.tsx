import type { Meta, StoryObj } from "@storybook/react-vite";
import { AxiosError, AxiosHeaders } from "axios";
import { expect, fn, userEvent, within } from "storybook/test";
import { splitExportPeriod } from "../../../core/domain/spendReportParts";
import { ReportPartsProgress } from "./ReportPartsProgress";
import type { PartStatus, ReportPart } from "./useReportParts";

// 150 days back from November 16, 2026 (a deployment keeping AI spend longer than the default): five parts.
const SPANS = splitExportPeriod({ start: "2026-06-20T00:00:00Z", end: "2026-11-17T00:00:00Z" });

const databaseUnavailable = new AxiosError("Request failed with status code 500", "ERR_BAD_RESPONSE", undefined, null, {
  status: 500,
  statusText: "Internal Server Error",
  headers: {},
  config: { headers: new AxiosHeaders() },
  data: { message: "Database unavailable." },
});

const partsIn = (...statuses: PartStatus[]): ReportPart[] =>
  SPANS.map((span, i) => ({
    span,
    status: statuses[i]!,
    ...(statuses[i] === "failed" ? { error: databaseUnavailable } : {}),
  }));

const meta = {
  title: "pages/SpendReportPage/ReportPartsProgress",
  component: ReportPartsProgress,
  args: { parts: partsIn("done", "done", "done", "loading", "loading"), onCancel: fn(), onRetry: fn() },
} satisfies Meta<typeof ReportPartsProgress>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Three of five parts in, two in flight: the bar and the words say so, and Cancel stops them. */
export const Loading: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const progress = canvas.getByRole("progressbar", { name: "Loading the spend export" });
    await expect(progress).toHaveAttribute("aria-valuetext", "3 of 5 parts");
    await expect(progress).toHaveAttribute("aria-valuenow", "3");
    await expect(canvas.getByText("Loading the spend export: 3 of 5 parts (at most 31 days each)")).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Cancel" }));
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
  },
};

/** The first part asked, none in yet. */
export const Starting: Story = {
  args: { parts: partsIn("loading", "loading", "loading", "loading", "waiting") },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("progressbar", { name: "Loading the spend export" })).toHaveAttribute(
      "aria-valuetext",
      "0 of 5 parts",
    );
  },
};

/** One part failed: which days and why, the others kept, Retry for the missing one only. */
export const FailedPart: Story = {
  args: { parts: partsIn("done", "done", "failed", "done", "done") },
  play: async ({ canvasElement, args }) => {
    const alert = within(canvasElement).getByRole("alert");
    await expect(alert).toHaveTextContent("Could not load 1 of 5 parts of the spend export.");
    await expect(alert).toHaveTextContent("August 21 – September 20: Database unavailable.");
    await expect(alert).toHaveTextContent("The 4 parts that arrived are kept: Retry asks only for the rest.");
    await userEvent.click(within(alert).getByRole("button", { name: "Retry" }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/** Cancelled with two parts in: they are kept, and loading can go on. */
export const Cancelled: Story = {
  args: { parts: partsIn("done", "done", "cancelled", "cancelled", "cancelled") },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Loading stopped.")).toBeVisible();
    await expect(canvas.getByText(/^2 of 5 parts arrived and are kept\./)).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Continue loading" }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};
