// The group's spend this month in its header: Coder v2.40's one-group spend
// endpoint where the deployment has it, else the organization's groups' spend
// asked for this group (core/coderFeatures.ts decides).
import { useQuery } from "@tanstack/react-query";
import type { FC } from "react";
import type { GroupAISpendResponse } from "../../../../core/types";
import { groupAISpend } from "../../../api/queries/spendWire";
import { SpendMeter } from "../../../components/ui/SpendMeter";
import { useAIFeatureVisible } from "../../../hooks/useFeatureVisibility";
import { useSpendFeatures } from "../../../hooks/useSpendFeatures";

/** The spend charged to the group against the limit of the members it governs. */
export const GroupHeaderSpendView: FC<{ groupName: string; spend: GroupAISpendResponse | null | undefined }> = ({
  groupName,
  spend,
}) => {
  // Nothing while it loads: the header's title and members are what the page is about.
  if (!spend) return null;
  return (
    <div className="mt-1 max-w-xs">
      <SpendMeter
        spentMicros={spend.current_spend_micros}
        limitMicros={spend.total_spend_limit_micros}
        label={`AI spend of ${groupName} this month`}
      />
    </div>
  );
};

export const GroupHeaderSpend: FC<{ organization: string; groupId: string; groupName: string }> = ({
  organization,
  groupId,
  groupName,
}) => {
  const ai = useAIFeatureVisible();
  const features = useSpendFeatures();
  const query = useQuery({
    ...groupAISpend(organization, groupId, features ?? { groupSpend: false }),
    enabled: ai.visible === true && features !== undefined,
  });
  if (ai.visible !== true || query.error) return null;
  return <GroupHeaderSpendView groupName={groupName} spend={query.data} />;
};
