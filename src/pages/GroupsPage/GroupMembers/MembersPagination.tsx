import type { FC } from "react";
import { Button } from "../../../components/ui/Button";
import { MEMBERS_PAGE_SIZE } from "../../../api/queries/spendBatches";

/** Coder's pagination under a table: where these rows fall among all matches, and the way to the others. */
export const MembersPagination: FC<{ page: number; pages: number; count: number; onPage: (page: number) => void }> = ({
  page,
  pages,
  count,
  onPage,
}) => {
  const first = (page - 1) * MEMBERS_PAGE_SIZE + 1;
  const last = Math.min(count, page * MEMBERS_PAGE_SIZE);
  return (
    <nav className="mt-3 flex flex-wrap items-center gap-4" aria-label="Members pages">
      <span>
        Showing {first}–{last} of {count} members
      </span>
      {pages > 1 && (
        <span className="flex items-center gap-2">
          <Button disabled={page <= 1} onClick={() => onPage(page - 1)}>
            Previous
          </Button>
          <span>
            Page {page} of {pages}
          </span>
          <Button disabled={page >= pages} onClick={() => onPage(page + 1)}>
            Next
          </Button>
        </span>
      )}
    </nav>
  );
};
