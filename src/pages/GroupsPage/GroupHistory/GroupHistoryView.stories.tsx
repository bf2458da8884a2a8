import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import type { HistoryEntry } from "./historyEntries";
import { GroupHistoryView } from "./GroupHistoryView";

const entry = (id: string, time: string, who: string, subject: string, change: string): HistoryEntry => ({
  id,
  time,
  who,
  subject,
  change,
});
const ENTRIES: HistoryEntry[] = [
  entry("5", "2026-11-20T16:45:00Z", "admin", "Override for alice", "removed (was $9,000.00)"),
  entry("4", "2026-11-18T09:12:00Z", "useradmin", "Override for alice", "set $9,000.00"),
  entry("3", "2026-11-12T14:03:00Z", "orgadmin", "Budget per member", "$1,234.00 → $1,500.00"),
  entry("2", "2026-11-05T08:30:00Z", "admin", "Members", "added grace, heidi"),
  entry("1", "2026-11-02T10:00:00Z", "admin", "Budget per member", "$1,000.00 → $1,234.00"),
];
const loaded = (entries: HistoryEntry[], hasMore = false) =>
  ({ status: "loaded", entries, hasMore, loadingMore: false, onLoadMore: fn() }) as const;

const meta = {
  title: "pages/GroupsPage/GroupHistory/GroupHistoryView",
  component: GroupHistoryView,
  args: { state: loaded(ENTRIES) },
} satisfies Meta<typeof GroupHistoryView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Budget changes, an override set and removed, and members added: newest first, who and how much. */
export const Changes: Story = {
  play: async ({ canvasElement }) => {
    const rows = within(canvasElement).getAllByRole("row");
    await expect(rows).toHaveLength(6);
    await expect(rows[1]).toHaveTextContent("Override for aliceremoved (was $9,000.00)");
    await expect(rows[3]).toHaveTextContent("$1,234.00 → $1,500.00");
    await expect(rows[1]!.querySelector("time")).toHaveAttribute("title", "Nov 20, 2026, 4:45:00 PM UTC");
  },
};

/** Older changes not loaded yet: a button loads the next pages. */
export const MoreToLoad: Story = {
  args: { state: loaded(ENTRIES.slice(0, 2), true) },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Show older changes" }));
    await expect((args.state as ReturnType<typeof loaded>).onLoadMore).toHaveBeenCalled();
  },
};

export const Loading: Story = {
  args: { state: { status: "loading" } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status", { name: "Loading history" })).toBeInTheDocument();
  },
};

export const NoHistory: Story = {
  args: { state: loaded([]) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("No changes yet")).toBeVisible();
  },
};

/** A viewer who may not read the audit log gets a note, not an error. */
export const NoAuditPermission: Story = {
  args: { state: { status: "forbidden" } },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByText("History comes from the audit log, which you may not read."),
    ).toBeVisible();
  },
};

export const LoadError: Story = {
  args: {
    state: { status: "error", error: new Error("Request failed with status code 500"), onRetry: fn() },
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Could not load the group's history.")).toBeVisible();
    await expect(within(canvasElement).getByRole("button", { name: "Retry" })).toBeVisible();
  },
};

/** On the narrowest phone the table scrolls in its own box; the page never does. */
export const Phone: Story = {
  globals: { viewport: { value: "narrow" } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByRole("row")).toHaveLength(6);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};

export const Desktop: Story = { globals: { viewport: { value: "desktop" } } };
