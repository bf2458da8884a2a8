import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FC } from "react";
import { useNavigate, useParams } from "react-router";
import { toast } from "sonner";
import { checkAuthorization, groupPermissionChecks } from "../../api/queries/authCheck";
import { group, groupAIBudget, patchGroup, saveGroupAIBudget } from "../../api/queries/groups";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { useAIFeatureVisible } from "../../hooks/useFeatureVisibility";
import {
  changedBudget,
  changedGroupFields,
  type FormErrors,
  type GroupSettingsFormValues,
} from "./groupSettingsForm";
import { GroupSettingsPageView } from "./GroupSettingsPageView";
import { reportSave, type WriteResult } from "./saveOutcome";

const NOT_SENT: WriteResult = { sent: false };

async function settle(write: Promise<unknown> | undefined): Promise<WriteResult> {
  if (!write) return NOT_SENT;
  try {
    await write;
    return { sent: true, ok: true };
  } catch (error) {
    return { sent: true, ok: false, error };
  }
}

const GroupSettingsPage: FC = () => {
  const { organization = "", groupName = "" } = useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formErrors, setFormErrors] = useState<FormErrors>();
  const saving = useRef(false);

  const groupQuery = useQuery(group(organization, groupName));
  const groupId = groupQuery.data?.id ?? "";
  const ai = useAIFeatureVisible();
  const budgetQuery = useQuery({ ...groupAIBudget(groupId), enabled: Boolean(groupId && ai.visible) });
  const permissionsQuery = useQuery({
    ...checkAuthorization(groupPermissionChecks(groupId)),
    enabled: Boolean(groupId),
  });
  const patchMutation = useMutation(patchGroup(queryClient, organization));
  const budgetMutation = useMutation(saveGroupAIBudget(queryClient, groupId));

  if (groupQuery.error) {
    return <ErrorAlert title="Could not load the group." error={groupQuery.error} onRetry={() => void groupQuery.refetch()} />;
  }
  if (ai.error) {
    return <ErrorAlert title="Could not load this deployment's features." error={ai.error} onRetry={() => void queryClient.refetchQueries({ queryKey: ["entitlements"] })} />;
  }
  if (budgetQuery.error) {
    return <ErrorAlert title="Could not load the AI budget." error={budgetQuery.error} onRetry={() => void budgetQuery.refetch()} />;
  }
  if (permissionsQuery.error) {
    return <ErrorAlert title="Could not check your permissions." error={permissionsQuery.error} onRetry={() => void permissionsQuery.refetch()} />;
  }
  const savedGroup = groupQuery.data;
  const budgetKnown = ai.visible === false || budgetQuery.data !== undefined;
  if (!savedGroup || ai.visible === undefined || !budgetKnown || !permissionsQuery.data) {
    return <Spinner label="Loading group settings" />;
  }
  const savedBudgetMicros = budgetQuery.data?.spend_limit_micros ?? null;
  const groupPage = (name: string) =>
    `/organizations/${encodeURIComponent(organization)}/groups/${encodeURIComponent(name)}`;

  const save = async (values: GroupSettingsFormValues) => {
    if (saving.current) return;
    saving.current = true;
    setFormErrors(undefined);
    try {
      const groupPatch = changedGroupFields(savedGroup, values);
      const budgetChange = ai.visible ? changedBudget(savedBudgetMicros, values) : undefined;
      // The group and its budget are separate resources: write them together.
      const [groupResult, budgetResult] = await Promise.all([
        settle(groupPatch && patchMutation.mutateAsync({ groupId: savedGroup.id, ...groupPatch })),
        settle(budgetChange !== undefined ? budgetMutation.mutateAsync(budgetChange) : undefined),
      ]);
      const report = reportSave(savedGroup.name, groupResult, budgetResult);
      const nameNow = groupResult.sent && groupResult.ok && groupPatch?.name ? groupPatch.name : savedGroup.name;
      if (report.kind === "success") {
        toast.success(report.title);
        await navigate(groupPage(nameNow));
        return;
      }
      toast.error(report.title, { description: report.description });
      setFormErrors(report.fieldErrors);
      if (nameNow !== savedGroup.name) {
        // The rename landed: the URL must name the group as it now is, and the
        // form (kept mounted) still holds what failed to save.
        await navigate(`${groupPage(nameNow)}/settings`, { replace: true });
      }
    } finally {
      saving.current = false;
    }
  };

  return (
    <GroupSettingsPageView
      group={savedGroup}
      initialBudgetMicros={savedBudgetMicros}
      showAISettings={ai.visible}
      readOnly={!permissionsQuery.data.canUpdateGroup}
      isUpdating={patchMutation.isPending || budgetMutation.isPending}
      formErrors={formErrors}
      onSubmit={save}
      onCancel={() => void navigate(groupPage(savedGroup.name))}
    />
  );
};

export default GroupSettingsPage;
