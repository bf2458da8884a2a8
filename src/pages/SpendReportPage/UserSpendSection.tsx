// "By user" through Coder's per-user report: the page's period, filters the
// server applies, ten users a page. Shown only where the deployment has the
// endpoint (core/coderFeatures.ts); older ones keep the CSV's table.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FC } from "react";
import { aiSpendUsers } from "../../api/queries/spendWire";
import { USER_SPEND_PAGE_SIZE, UserSpendView, type UserSpendFilters } from "./UserSpendView";

export const UserSpendSection: FC<{ organization: string; period: { start: string; end: string } }> = ({
  organization,
  period,
}) => {
  const [filters, setFilters] = useState<UserSpendFilters>({});
  const [offset, setOffset] = useState(0);
  const query = useQuery({
    ...aiSpendUsers(organization, { ...period, ...filters, limit: USER_SPEND_PAGE_SIZE, offset }),
    placeholderData: keepPreviousData,
  });
  return (
    <UserSpendView
      report={query.data}
      filters={filters}
      onFiltersChange={(next) => {
        setFilters(next);
        setOffset(0);
      }}
      offset={offset}
      onOffsetChange={setOffset}
      error={query.error}
      // A retry while a read runs waits for it rather than starting another.
      onRetry={() => void query.refetch({ cancelRefetch: false })}
    />
  );
};
