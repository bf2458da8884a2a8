import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FC } from "react";
import { useNavigate, useParams } from "react-router";
import { toast } from "sonner";
import { checkAuthorization, groupPermissionChecks } from "../../api/queries/authCheck";
import { group, groupAIBudget, patchGroup, saveGroupAIBudget } from "../../api/queries/groups";
import type { Group } from "../../api/types";
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
  const [saveProblem, setSaveProblem] = useState<{ title: string; description?: string }>();
  const saving = useRef(false);
  const saved = useRef<{ group: Group; budgetMicros: number | null }>(undefined);

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
  // What the server holds, as of the last render or the last write that
  // landed: a second submit racing the first must diff against the latter.
  saved.current ??= { group: savedGroup, budgetMicros: savedBudgetMicros };
  if (!saving.current) saved.current = { group: savedGroup, budgetMicros: savedBudgetMicros };
  const groupPage = (name: string) =>
    `/organizations/${encodeURIComponent(organization)}/groups/${encodeURIComponent(name)}`;

  const save = async (values: GroupSettingsFormValues) => {
    if (saving.current) return;
    saving.current = true;
    let leaving = false;
    setFormErrors(undefined);
    setSaveProblem(undefined);
    try {
      const before = saved.current!;
      const groupPatch = changedGroupFields(before.group, values);
      const budgetChange = ai.visible ? changedBudget(before.budgetMicros, values) : undefined;
      // The group and its budget are separate resources: write them together.
      const [groupResult, budgetResult] = await Promise.all([
        settle(
          groupPatch &&
            patchMutation.mutateAsync({ groupId: before.group.id, ...groupPatch }).then((updated) => {
              saved.current = { ...saved.current!, group: updated };
            }),
        ),
        settle(
          budgetChange !== undefined
            ? budgetMutation.mutateAsync(budgetChange).then((budget) => {
                saved.current = { ...saved.current!, budgetMicros: budget?.spend_limit_micros ?? null };
              })
            : undefined,
        ),
      ]);
      const report = reportSave(before.group.name, groupResult, budgetResult);
      const nameNow = saved.current!.group.name;
      if (report.kind === "success") {
        // The page is being left: any click still queued behind this one is void.
        leaving = true;
        toast.success(report.title);
        await navigate(groupPage(nameNow));
        return;
      }
      toast.error(report.title, { description: report.description, duration: 10_000 });
      setSaveProblem({ title: report.title, description: report.description });
      setFormErrors(report.fieldErrors);
      if (nameNow !== before.group.name) {
        // The rename landed: the URL must name the group as it now is, and the
        // form (kept mounted) still holds what failed to save.
        await navigate(`${groupPage(nameNow)}/settings`, { replace: true });
      }
    } finally {
      if (!leaving) saving.current = false;
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
      saveProblem={saveProblem}
      onSubmit={save}
      onCancel={() => void navigate(groupPage(savedGroup.name))}
    />
  );
};

export default GroupSettingsPage;
