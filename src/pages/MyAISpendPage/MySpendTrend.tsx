import type { FC } from "react";
import { DEFAULT_ORGANIZATION } from "../../app/urls";
import { LazySpendTrend } from "../../components/SpendTrend/LazySpendTrend";
import type { UserAISpend } from "../../../core/types";

/**
 * The user's own spend by day this period, in the default organization (the
 * export is read per organization; a user's spend elsewhere is not in it).
 */
export const MySpendTrend: FC<{ userId: string; spend: UserAISpend }> = ({ userId, spend }) => (
  <LazySpendTrend
    title={`Your spend by day in ${DEFAULT_ORGANIZATION}`}
    organization={DEFAULT_ORGANIZATION}
    period={{ start: spend.period_start, end: spend.period_end }}
    scope={{ user_id: userId }}
    limitMicros={spend.effective_budget ? BigInt(spend.effective_budget.spend_limit_micros) : null}
  />
);
