import { ChevronLeft, ChevronRight } from "lucide-react";
import type { FC } from "react";
import { Button } from "../../../components/ui/Button";

/** Previous and Next around "Page 2 of 3", shown only when there is more than one page. */
export const GroupsPagination: FC<{ page: number; pageCount: number; onPage: (page: number) => void }> = ({
  page,
  pageCount,
  onPage,
}) =>
  pageCount > 1 ? (
    <nav aria-label="Pages of groups" className="mt-3 flex flex-wrap items-center justify-center gap-2">
      <Button size="small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <ChevronLeft aria-hidden="true" size={14} />
        Previous
      </Button>
      <span className="text-sm text-content-secondary" aria-live="polite">
        Page {page} of {pageCount}
      </span>
      <Button size="small" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        Next
        <ChevronRight aria-hidden="true" size={14} />
      </Button>
    </nav>
  ) : null;
