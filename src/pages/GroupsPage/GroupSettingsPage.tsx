import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState, type FC } from "react";
import { useNavigate, useParams } from "react-router";
import { checkAuthorization, groupPermissionChecks } from "../../api/queries/authCheck";
import { groupMembersAISpend } from "../../api/queries/aiSpend";
import { entitlements } from "../../api/queries/entitlements";
import { isRouteNotFound } from "../../api/errors";
import { groupAIBudget } from "../../api/queries/groups";
import { useGroup } from "../../hooks/useGroup";
import { AI_BUDGETS_MIN_VERSION_TEXT } from "../../api/buildInfo";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { useAIFeatureVisible } from "../../hooks/useFeatureVisibility";
import { clearDraft, readDraft, writeDraft, type Baseline } from "./draft";
import { initialFormValues, type GroupSettingsFormValues } from "./groupSettingsForm";
import { GroupSettingsPageView } from "./GroupSettingsPageView";
import { PREVIEW_PREFETCH_MAX_MEMBERS } from "../../api/queries/spendBatches";
import { groupUrl } from "../../app/urls";
import { useGroupSettingsSave } from "./useGroupSettingsSave";
import { useUnsavedChanges } from "./useUnsavedChanges";

const sameValues = (a: GroupSettingsFormValues, b: GroupSettingsFormValues) =>
  (Object.keys(a) as (keyof GroupSettingsFormValues)[]).every((key) => a[key] === b[key]);

const GroupSettingsPage: FC = () => {
  const { organization = "", groupName = "" } = useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const groupQuery = useGroup(organization, groupName);
  const groupId = groupQuery.data?.id ?? "";
  const aiFeature = useAIFeatureVisible();
  const budgetQuery = useQuery({ ...groupAIBudget(groupId), enabled: Boolean(groupId && aiFeature.visible) });
  // A deployment without the budget routes is treated as one too old for them.
  const routesMissing = aiFeature.routesMissing || isRouteNotFound(budgetQuery.error);
  const ai = routesMissing ? { ...aiFeature, visible: false } : aiFeature;
  const aiUnavailableReason = aiFeature.tooOldVersion
    ? `AI budgets need Coder ${AI_BUDGETS_MIN_VERSION_TEXT} or later; this deployment runs ${aiFeature.tooOldVersion}.`
    : routesMissing
      ? `AI budgets need Coder ${AI_BUDGETS_MIN_VERSION_TEXT} or later with cost control; this deployment has no AI budget routes.`
      : undefined;
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

  // What the form started from; see useGroupSettingsSave.
  const baseline = useRef<Baseline>(undefined);
  const restored = useRef<GroupSettingsFormValues>(undefined);
  const discarding = useRef(false);
  const [dirty, setDirty] = useState(false);
  const saver = useGroupSettingsSave(organization, groupId, ai.visible === true, baseline);
  const leaveGuard = useUnsavedChanges(() => dirty && !saver.saving.current && !discarding.current, dirty);

  const onValuesChange = useCallback(
    (values: GroupSettingsFormValues) => {
      const start = baseline.current;
      if (!start) return;
      const initial = initialFormValues(start.group, start.budget?.spend_limit_micros ?? null);
      const changed = !sameValues(values, initial);
      setDirty(changed);
      if (values.monthly_budget_per_member !== initial.monthly_budget_per_member) setBudgetTouched(true);
      if (changed) writeDraft(groupId, { values, baseline: start });
      else clearDraft(groupId);
    },
    [groupId],
  );

  if (groupQuery.error) {
    return <ErrorAlert title="Could not load the group." error={groupQuery.error} onRetry={() => void groupQuery.refetch()} />;
  }
  if (ai.error) {
    return <ErrorAlert title="Could not load this deployment's features." error={ai.error} onRetry={() => void queryClient.refetchQueries({ queryKey: entitlements().queryKey })} />;
  }
  if (budgetQuery.error && !routesMissing) {
    return <ErrorAlert title="Could not load the AI budget." error={budgetQuery.error} onRetry={() => void budgetQuery.refetch()} />;
  }
  if (permissionsQuery.error) {
    return <ErrorAlert title="Could not check your permissions." error={permissionsQuery.error} onRetry={() => void permissionsQuery.refetch()} />;
  }
  const liveGroup = groupQuery.data;
  const budgetKnown = ai.visible === false || budgetQuery.data !== undefined;
  if (!liveGroup || ai.visible === undefined || !budgetKnown || !permissionsQuery.data) {
    return <Spinner label="Loading group settings" />;
  }
  const readOnly = !permissionsQuery.data.canUpdateGroup;

  if (!baseline.current) {
    const draft = readOnly ? undefined : readDraft(liveGroup.id);
    baseline.current = draft?.baseline ?? { group: liveGroup, budget: budgetQuery.data ?? null };
    restored.current = draft?.values;
  }
  const start = baseline.current;

  return (
    <GroupSettingsPageView
      group={{ ...start.group, total_member_count: liveGroup.total_member_count }}
      initialBudgetMicros={start.budget?.spend_limit_micros ?? null}
      showAISettings={ai.visible}
      aiUnavailableReason={aiUnavailableReason}
      membersSpend={
        spendQuery.data && {
          groupId: liveGroup.id,
          periodStart: spendQuery.data.period_start,
          periodEnd: spendQuery.data.period_end,
          members: [...spendQuery.data.byUser.values()],
        }
      }
      readOnly={readOnly}
      isUpdating={saver.isUpdating}
      formErrors={saver.formErrors}
      saveProblem={saver.saveProblem}
      restoredDraft={restored.current}
      onDiscardDraft={() => clearDraft(liveGroup.id)}
      budgetConflict={saver.conflict}
      onResolveConflict={saver.resolveConflict}
      onValuesChange={readOnly ? undefined : onValuesChange}
      onSubmit={saver.save}
      onCancel={() => {
        discarding.current = true;
        clearDraft(liveGroup.id);
        void navigate(groupUrl(organization, baseline.current?.group.name ?? groupName));
      }}
    >
      {leaveGuard}
    </GroupSettingsPageView>
  );
};

export default GroupSettingsPage;
