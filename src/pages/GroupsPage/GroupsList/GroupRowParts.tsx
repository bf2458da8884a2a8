// The parts of a row of the groups list: its spend cell, its over-budget note, and its skeleton.
import { useQuery } from "@tanstack/react-query";
import type { FC } from "react";
import { groupOverBudgetCount, type GroupsSpend } from "../../../api/queries/aiSpend";
import type { Group, GroupAISpend } from "../../../../core/types";
import { ForecastNote } from "../../../components/ForecastNote";
import { Badge } from "../../../components/ui/Badge";
import { Skeleton, SkeletonStack } from "../../../components/ui/Skeleton";
import { SpendMeter } from "../../../components/ui/SpendMeter";
import { TableCell, TableRow } from "../../../components/ui/Table";
import { avatarRowClassName } from "../../../components/ui/Avatar";

/**
 * The spend charged to the group this month against the limit of the members
 * it governs, as the server works it out (overrides charged here at their own
 * limit; members another group governs add nothing).
 */
export const GroupSpendCell: FC<{
  group: Group;
  spend: GroupAISpend | undefined;
  period: GroupsSpend | undefined;
  loading: boolean;
}> = ({ group, spend, period, loading }) => {
  if (!spend || !period) {
    return loading ? (
      <SkeletonStack as="span">
        <Skeleton width="9rem" height="0.9rem" />
        <Skeleton width="9rem" height="0.375rem" />
        <span className="sr-only">Loading…</span>
      </SkeletonStack>
    ) : (
      <>–</>
    );
  }
  return (
    <>
      <SpendMeter
        spentMicros={spend.current_spend_micros}
        limitMicros={spend.total_spend_limit_micros}
        label={`AI spend of ${group.display_name || group.name} this month`}
      />
      <ForecastNote
        spentMicros={spend.current_spend_micros}
        limitMicros={spend.total_spend_limit_micros}
        periodStart={period.period_start}
        periodEnd={period.period_end}
      />
    </>
  );
};

/**
 * "2 members over their limit", by Coder's rule; read for those who see every
 * member's row. Every group with members is asked: an override charged to a
 * group without a budget of its own can still be reached.
 */
export const OverBudgetNote: FC<{ group: Group }> = ({ group }) => {
  const memberIds = group.members.map((m) => m.id);
  const { data } = useQuery({ ...groupOverBudgetCount(group.id, memberIds), enabled: memberIds.length > 0 });
  if (!data) return null;
  return (
    <Badge variant="error">
      {data.toLocaleString("en-US")} {data === 1 ? "member" : "members"} over their limit
    </Badge>
  );
};

/** Rows the shape of the groups to come, under the real header, so nothing moves when they arrive. */
export const GroupRowsSkeleton: FC<{ ai: boolean }> = ({ ai }) => (
  <>
    {[0, 1, 2].map((row) => (
      <TableRow key={row}>
        <TableCell>
          <span className={avatarRowClassName}>
            <Skeleton width="2.25rem" height="2.25rem" round />
            <Skeleton width="8rem" />
          </span>
        </TableCell>
        <TableCell data-label="Members">
          <Skeleton width="2rem" />
        </TableCell>
        {ai && (
          <TableCell data-label="AI budget">
            <SkeletonStack as="span">
              <Skeleton width="9rem" height="0.9rem" />
              <Skeleton width="9rem" height="0.375rem" />
            </SkeletonStack>
          </TableCell>
        )}
        <TableCell actions>
          <Skeleton width="5.5rem" height="1.75rem" />
        </TableCell>
      </TableRow>
    ))}
  </>
);
