import { useQuery } from "@tanstack/react-query";
import type { FC } from "react";
import { groupsAISpend } from "../../../api/queries/aiSpend";
import { LazySpendTrend } from "../../../components/SpendTrend/LazySpendTrend";
import { useAIFeatureVisible } from "../../../hooks/useFeatureVisibility";
import type { Group } from "../../../../core/types";

/**
 * The group's spend by day this period, against the limit of the members it
 * governs (what the groups list shows), when the deployment has AI budgets.
 * `organization` is the name the URL carries: the API addresses organizations by it.
 */
export const GroupSpendTrend: FC<{ organization: string; group: Group }> = ({ organization, group }) => {
  const ai = useAIFeatureVisible();
  const spend = useQuery({ ...groupsAISpend(organization, [group.id]), enabled: ai.visible === true });
  if (!ai.visible || !spend.data) return null;
  const limit = spend.data.byGroup.get(group.id)?.total_spend_limit_micros ?? null;
  return (
    <LazySpendTrend
      title="Spend by day"
      organization={organization}
      period={{ start: spend.data.period_start, end: spend.data.period_end }}
      scope={{ group_id: group.id }}
      limitMicros={limit === null ? null : BigInt(limit)}
    />
  );
};
