// "By user", paged on the server: Coder's per-user spend report, most
// expensive first, with the filters the server applies (provider, model,
// client), the totals, a note on unpriced usage and on the retention window.
import { useState, type FC, type FormEvent } from "react";
import type { AISpendUsersReport } from "../../../core/types";
import { formatMicrosAsUSD, formatMicrosAsUSDCents } from "../../../core/currency";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { Button } from "../../components/ui/Button";
import { Callout } from "../../components/ui/Callout";
import { subtextClassName } from "../../components/ui/Page";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "../../components/ui/Table";
import { reportFieldClassName, reportFiltersClassName, reportInputClassName } from "./reportStyles";

export const USER_SPEND_PAGE_SIZE = 10;

export interface UserSpendFilters {
  provider_name?: string;
  model?: string;
  client?: string;
}

const FILTERS: [keyof UserSpendFilters, string][] = [
  ["provider_name", "Users by provider"],
  ["model", "Users by model"],
  ["client", "Users by client"],
];

const utcDateTime = new Intl.DateTimeFormat("en-US", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

export interface UserSpendViewProps {
  report: AISpendUsersReport | undefined;
  filters: UserSpendFilters;
  onFiltersChange: (filters: UserSpendFilters) => void;
  offset: number;
  onOffsetChange: (offset: number) => void;
  error: unknown;
  onRetry: () => void;
}

const list = (values: string[]) => (values.length === 0 ? "–" : values.join(", "));

export const UserSpendView: FC<UserSpendViewProps> = ({
  report,
  filters,
  onFiltersChange,
  offset,
  onOffsetChange,
  error,
  onRetry,
}) => {
  const [draft, setDraft] = useState<UserSpendFilters>(filters);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(
      Object.entries(draft)
        .map(([key, value]) => [key, value?.trim()])
        .filter(([, value]) => value),
    ) as UserSpendFilters;
    onFiltersChange(trimmed);
  };
  return (
    <section aria-labelledby="user-spend-title" className="mt-6">
      <h2 id="user-spend-title">Spend by user, most expensive first</h2>
      <form aria-label="User spend filters" className={reportFiltersClassName} onSubmit={apply}>
        {FILTERS.map(([name, label]) => (
          <div key={name} className={reportFieldClassName}>
            <label htmlFor={`user-spend-${name}`}>{label}</label>
            <input
              id={`user-spend-${name}`}
              className={reportInputClassName}
              value={draft[name] ?? ""}
              placeholder="All"
              onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
            />
          </div>
        ))}
        <Button type="submit">Filter</Button>
      </form>
      {error ? (
        <ErrorAlert title="Could not load the spend by user." error={error} onRetry={onRetry} />
      ) : !report ? (
        <Spinner label="Loading the spend by user" />
      ) : (
        <>
          {report.retention_start && (
            <Callout severity="info" title="Part of this period is past the retention window.">
              <p>
                Usage before {utcDateTime.format(new Date(report.retention_start))} UTC has been purged by the
                deployment and is not included.
              </p>
            </Callout>
          )}
          <p aria-live="polite">
            <strong title={formatMicrosAsUSD(report.totals.cost_micros)}>
              {formatMicrosAsUSDCents(report.totals.cost_micros)}
            </strong>{" "}
            in total over {report.count.toLocaleString("en-US")} {report.count === 1 ? "user" : "users"}.
            {report.totals.unpriced_usage_count > 0 &&
              ` ${report.totals.unpriced_usage_count.toLocaleString("en-US")} ${
                report.totals.unpriced_usage_count === 1 ? "request" : "requests"
              } used a model with no price configured: not in these amounts.`}
          </p>
          {report.users.length === 0 ? (
            <p className="text-content-secondary">No spend matches these filters.</p>
          ) : (
            <div className="overflow-x-auto">
              <Table className="my-4">
                <caption className="px-0 py-1 text-left font-semibold">By user</caption>
                <TableHeader>
                  <TableRow>
                    <TableHead>User</TableHead>
                    <TableHead>Providers</TableHead>
                    <TableHead>Models</TableHead>
                    <TableHead>Clients</TableHead>
                    <TableHead>Spend</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {report.users.map((user) => (
                    <TableRow key={user.user_id}>
                      <TableHead scope="row" title={user.name || undefined}>
                        {user.username}
                      </TableHead>
                      <TableCell>{list(user.providers)}</TableCell>
                      <TableCell>{list(user.models)}</TableCell>
                      <TableCell>{list(user.clients)}</TableCell>
                      <TableCell title={formatMicrosAsUSD(user.cost_micros)}>
                        {formatMicrosAsUSDCents(user.cost_micros)}
                        {user.unpriced_usage_count > 0 && (
                          <span className={subtextClassName}>{user.unpriced_usage_count} unpriced</span>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          <nav aria-label="User spend pages" className="flex flex-wrap items-center gap-2">
            <span>
              {report.count === 0
                ? "No users"
                : `Users ${offset + 1}–${Math.min(offset + report.users.length, report.count)} of ${report.count}`}
            </span>
            <Button
              size="small"
              disabled={offset === 0}
              onClick={() => onOffsetChange(Math.max(0, offset - USER_SPEND_PAGE_SIZE))}
            >
              Previous
            </Button>
            <Button
              size="small"
              disabled={offset + USER_SPEND_PAGE_SIZE >= report.count}
              onClick={() => onOffsetChange(offset + USER_SPEND_PAGE_SIZE)}
            >
              Next
            </Button>
          </nav>
        </>
      )}
    </section>
  );
};
