import type { FC } from "react";
import { LazySpendTrend } from "../../components/SpendTrend/LazySpendTrend";

/** The organization's spend by day through the report's period, against the same span before it. */
export const ReportTrend: FC<{ organization: string; period: { start: string; end: string } }> = ({
  organization,
  period,
}) => (
  <LazySpendTrend
    key={`${period.start}/${period.end}`}
    title="Spend by day"
    organization={organization}
    period={period}
    scope={{}}
    limitMicros={null}
  />
);
