import { History } from "lucide-react";
import type { FC } from "react";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { Button } from "../../../components/ui/Button";
import { Callout } from "../../../components/ui/Callout";
import { EmptyState } from "../../../components/ui/EmptyState";
import { Skeleton, SkeletonStack } from "../../../components/ui/Skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeader,
  TableRow,
} from "../../../components/ui/Table";
import type { HistoryEntry } from "./historyEntries";

export type GroupHistoryState =
  | { status: "loading" }
  | { status: "forbidden" }
  | { status: "error"; error: unknown; onRetry: () => void }
  | {
      status: "loaded";
      entries: readonly HistoryEntry[];
      hasMore: boolean;
      loadingMore: boolean;
      onLoadMore: () => void;
    };

const localTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const utcTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "long", timeZone: "UTC" });

/** Local time to read, UTC on hover: the audit log is kept in UTC, and budgets reset by it. */
const When: FC<{ time: string }> = ({ time }) => {
  const date = new Date(time);
  return (
    <time dateTime={time} title={utcTime.format(date)}>
      {localTime.format(date)}
    </time>
  );
};

/** A group's budget, overrides and membership over time, from Coder's audit log. */
export const GroupHistoryView: FC<{ state: GroupHistoryState }> = ({ state }) => {
  if (state.status === "loading")
    return (
      <SkeletonStack role="status" aria-label="Loading history">
        {[0, 1, 2, 3].map((row) => (
          <Skeleton key={row} width="100%" height="1.25rem" />
        ))}
      </SkeletonStack>
    );
  if (state.status === "forbidden")
    return (
      <Callout severity="info" title="History comes from the audit log, which you may not read.">
        Owners and the organization's admins can see who changed this group's budget, its overrides and its members, and
        when.
      </Callout>
    );
  if (state.status === "error")
    return <ErrorAlert title="Could not load the group's history." error={state.error} onRetry={state.onRetry} />;
  if (state.entries.length === 0 && !state.hasMore)
    return (
      <EmptyState
        icon={<History size={24} />}
        title="No changes yet"
        description="Changes to this group's budget, to overrides charged to it and to its members will show here."
      />
    );
  return (
    <section aria-labelledby="group-history-title" className="flex flex-col gap-3">
      <h2 id="group-history-title" className="text-base font-semibold">
        Changes, newest first
      </h2>
      <TableContainer>
        {/* Focusable: on a phone the table scrolls sideways in its own box, and a keyboard must reach it. */}
        <Table tabIndex={0} aria-labelledby="group-history-title">
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>Who</TableHead>
              <TableHead>Change</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.entries.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>
                  <When time={entry.time} />
                </TableCell>
                <TableCell>{entry.who}</TableCell>
                <TableCell>
                  <span className="block font-medium">{entry.subject}</span>
                  <span className="block">{entry.change}</span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {state.hasMore && (
        <div>
          <Button variant="secondary" onClick={state.onLoadMore} disabled={state.loadingMore}>
            {state.loadingMore ? "Loading…" : "Show older changes"}
          </Button>
        </div>
      )}
    </section>
  );
};
