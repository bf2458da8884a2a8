import type { FC } from "react";
import { LazySpendTrend } from "../../components/SpendTrend/LazySpendTrend";
import type { UserAISpend } from "../../../core/types";

/**
 * The user's own spend by day this period, in the organization of the group
 * that governs them (the export is read per organization: spend charged to a
 * group of another organization is not in it).
 */
export const MySpendTrend: FC<{ organization: string; userId: string; spend: UserAISpend }> = ({
  organization,
  userId,
  spend,
}) => (
  <LazySpendTrend
    title={`Your spend by day in ${organization}`}
    organization={organization}
    period={{ start: spend.period_start, end: spend.period_end }}
    scope={{ user_id: userId }}
    limitMicros={spend.effective_budget ? BigInt(spend.effective_budget.spend_limit_micros) : null}
  />
);
