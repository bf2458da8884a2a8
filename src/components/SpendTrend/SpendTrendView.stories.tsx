import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { cumulativeSeries } from "./dailySpend";
import { SpendTrendView, type SpendTrendState } from "./SpendTrendView";

const november = { start: "2026-11-01T00:00:00Z", end: "2026-12-01T00:00:00Z" };
const MID_MONTH = new Date("2026-11-16T05:24:00Z");
const usd = (dollars: number) => BigInt(Math.round(dollars * 100)) * 10_000n;
const spentOn = (days: Record<number, number>) =>
  new Map(Object.entries(days).map(([day, dollars]) => [`2026-11-${day.padStart(2, "0")}`, usd(dollars)]));
const loaded = (over: Partial<Extract<SpendTrendState, { status: "loaded" }>> = {}): SpendTrendState => ({
  status: "loaded",
  points: cumulativeSeries(
    november,
    spentOn({ 2: 120, 3: 310, 6: 95.5, 9: 640, 10: 210, 13: 480, 16: 220 }),
    MID_MONTH,
  ),
  limitMicros: usd(4_000),
  projectedMicros: usd(3_853.88),
  previousMicros: usd(1_650),
  ...over,
});

const meta = {
  title: "components/SpendTrend/SpendTrendView",
  component: SpendTrendView,
  args: { title: "Spend by day", state: loaded() },
} satisfies Meta<typeof SpendTrendView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Mid-month: the running total, the limit and the pace to the period's end; the same numbers as a table. */
export const MidMonth: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByRole("img", {
        name: "$2,075.50 spent through November 16, against a limit of $4,000.00, on pace for $3,853.88 by the period's end.",
      }),
    ).toBeVisible();
    await expect(canvas.getByText("This period so far").nextElementSibling).toHaveTextContent("$2,075.50");
    await expect(canvas.getByText("Same days of the previous period").nextElementSibling).toHaveTextContent(
      "$1,650.00 (+$425.50, +25.8%)",
    );
    await userEvent.click(canvas.getByText("Spend by day as a table"));
    const rows = within(canvas.getByRole("table", { name: "Spend by day, by day" })).getAllByRole("row");
    await expect(rows).toHaveLength(17);
    await expect(rows[16]).toHaveTextContent("November 16$220.00$2,075.50");
  },
};

/** No limit, and less than the same days last period. */
export const NoLimit: Story = {
  args: { state: loaded({ limitMicros: null, projectedMicros: null, previousMicros: usd(2_500) }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/\(−\$424\.50, −17\.0%\)/)).toBeVisible();
  },
};

/** A month with no spend at all. */
export const EmptyMonth: Story = {
  args: {
    state: loaded({
      points: cumulativeSeries(november, new Map(), MID_MONTH),
      projectedMicros: null,
      previousMicros: 0n,
    }),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("img", { name: /^\$0\.00 spent through November 16/ })).toBeVisible();
  },
};

/** The first day of the month: one day, one point. */
export const OneDay: Story = {
  args: {
    state: loaded({
      points: cumulativeSeries(november, spentOn({ 1: 42 }), new Date("2026-11-01T15:00:00Z")),
      projectedMicros: null,
      previousMicros: usd(30),
    }),
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByText("Spend by day as a table"));
    await expect(within(canvasElement).getAllByRole("row")).toHaveLength(2);
  },
};

/** Days still arriving: at most 4 requests at a time, so progress is shown. */
export const Loading: Story = {
  args: { state: { status: "loading", daysLoaded: 12, daysTotal: 16 } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Loading spend by day: 12 of 16 days")).toBeVisible();
  },
};

/** The previous period could not be read: the rest still shows. */
export const PreviousUnavailable: Story = {
  args: { state: loaded({ previousMicros: null }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Not available")).toBeVisible();
  },
};

/** Someone who may not read the organization's export. */
export const NoExportPermission: Story = {
  args: { state: { status: "forbidden" } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Spend by day needs the organization's spend export.")).toBeVisible();
  },
};

export const LoadError: Story = {
  args: { state: { status: "error", error: new Error("Request failed with status code 500"), onRetry: fn() } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Could not load spend by day.")).toBeVisible();
  },
};

/** On the narrowest phone the chart shrinks with the page; nothing scrolls sideways. */
export const Phone: Story = {
  globals: { viewport: { value: "narrow" } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("img")).toBeVisible();
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};

export const Desktop: Story = { globals: { viewport: { value: "desktop" } } };
