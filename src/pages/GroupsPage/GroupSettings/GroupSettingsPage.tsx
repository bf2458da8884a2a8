import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState, type FC } from "react";
import { useParams } from "react-router";
import { checkAuthorization, groupPermissionChecks } from "../../../api/queries/authCheck";
import { groupMembersAISpend } from "../../../api/queries/aiSpend";
import { entitlements } from "../../../api/queries/entitlements";
import { withAIAnswer } from "../../../api/queries/aiFeature";
import { groupAIBudget } from "../../../api/queries/groups";
import { useGroup } from "../../../hooks/useGroup";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useAIFeatureVisible } from "../../../hooks/useFeatureVisibility";
import { GroupSettingsPageForm } from "./GroupSettingsPageForm";
import { PREVIEW_PREFETCH_MAX_MEMBERS } from "../../../api/queries/spendBatches";
import { DeleteGroupSection } from "../DeleteGroup/DeleteGroupSection";
import { Section } from "../../../components/ui/Section";
import { Skeleton } from "../../../components/ui/Skeleton";
import { settingsFormClassName } from "./GroupSettingsPageView";

/** The form's shape while it loads (budget section, then general), so nothing jumps when it arrives. */
export const GroupSettingsSkeleton: FC = () => (
  <div className={settingsFormClassName} role="status" aria-busy="true">
    <span className="sr-only">Loading group settings</span>
    {[2, 4].map((fields, section) => (
      <Section key={section} aria-hidden="true">
        <Skeleton width="8rem" height="1.25rem" className="mb-4" />
        {Array.from({ length: fields }, (_, field) => (
          <div key={field} className="mb-4 last:mb-0">
            <Skeleton width="12rem" height="0.875rem" className="mb-2 max-w-full" />
            <Skeleton height="2.25rem" />
          </div>
        ))}
      </Section>
    ))}
  </div>
);

const GroupSettingsPage: FC = () => {
  const { organization = "", groupName = "" } = useParams();
  const queryClient = useQueryClient();

  const groupQuery = useGroup(organization, groupName);
  const groupId = groupQuery.data?.id ?? "";
  const aiFeature = useAIFeatureVisible();
  const budgetQuery = useQuery({ ...groupAIBudget(groupId), enabled: Boolean(groupId && aiFeature.visible) });
  // A deployment without the budget routes is treated as one too old for them.
  const ai = withAIAnswer(aiFeature, budgetQuery.error);
  // For the impact preview; the form does not wait for it. A large group's
  // spend is only asked for once the admin starts changing the budget.
  const [budgetTouched, setBudgetTouched] = useState(false);
  const memberIds = groupQuery.data?.members.map((m) => m.id) ?? [];
  const spendQuery = useQuery({
    ...groupMembersAISpend(groupId, memberIds),
    enabled: Boolean(groupId && ai.visible && (memberIds.length <= PREVIEW_PREFETCH_MAX_MEMBERS || budgetTouched)),
  });
  const permissionsQuery = useQuery({
    ...checkAuthorization(groupPermissionChecks(groupId)),
    enabled: Boolean(groupId),
  });

  const onBudgetTouched = useCallback(() => setBudgetTouched(true), []);

  if (groupQuery.error) {
    return (
      <ErrorAlert
        title="Could not load the group."
        error={groupQuery.error}
        onRetry={() => void groupQuery.refetch()}
      />
    );
  }
  if (ai.error) {
    return (
      <ErrorAlert
        title="Could not load this deployment's features."
        error={ai.error}
        onRetry={() => void queryClient.refetchQueries({ queryKey: entitlements().queryKey })}
      />
    );
  }
  if (budgetQuery.error && !ai.routesMissing) {
    return (
      <ErrorAlert
        title="Could not load the AI budget."
        error={budgetQuery.error}
        onRetry={() => void budgetQuery.refetch()}
      />
    );
  }
  if (permissionsQuery.error) {
    return (
      <ErrorAlert
        title="Could not check your permissions."
        error={permissionsQuery.error}
        onRetry={() => void permissionsQuery.refetch()}
      />
    );
  }
  const liveGroup = groupQuery.data;
  const budgetKnown = ai.visible === false || budgetQuery.data !== undefined;
  if (!liveGroup || ai.visible === undefined || !budgetKnown || !permissionsQuery.data) {
    return <GroupSettingsSkeleton />;
  }

  return (
    <>
      <GroupSettingsPageForm
        key={liveGroup.id}
        organization={organization}
        group={liveGroup}
        budget={budgetQuery.data ?? null}
        readOnly={!permissionsQuery.data.canUpdateGroup}
        showAISettings={ai.visible}
        aiUnavailableReason={ai.unavailableReason}
        membersSpend={
          spendQuery.data && {
            groupId: liveGroup.id,
            periodStart: spendQuery.data.period_start,
            periodEnd: spendQuery.data.period_end,
            members: [...spendQuery.data.byUser.values()],
            names: Object.fromEntries(liveGroup.members.map((member) => [member.id, member.username])),
          }
        }
        onBudgetTouched={onBudgetTouched}
      />
      <DeleteGroupSection
        organization={organization}
        group={liveGroup}
        canDelete={Boolean(permissionsQuery.data.canUpdateGroup)}
        ai={Boolean(ai.visible)}
      />
    </>
  );
};

export default GroupSettingsPage;
