import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type RefObject } from "react";
import { useNavigate } from "react-router";
import { toast } from "sonner";
import { groupSettingsUrl, groupUrl } from "../../app/urls";
import { BudgetConflictError, patchGroup, saveGroupAIBudget } from "../../api/queries/groups";
import type { BudgetConflict } from "./BudgetConflictNotice";
import { clearDraft, type Baseline } from "./draft";
import { changedBudget, changedGroupFields, type FormErrors, type GroupSettingsFormValues } from "./groupSettingsForm";
import { reportSave, type WriteResult } from "./saveOutcome";

async function settle(write: Promise<unknown> | undefined): Promise<WriteResult> {
  if (!write) return { sent: false };
  try {
    await write;
    return { sent: true, ok: true };
  } catch (error) {
    return { sent: true, ok: false, error };
  }
}

/**
 * One save of the settings form: the group PATCH and the budget write go out
 * together, each only if it changed against `baseline` (what the form started
 * from, moved forward by every write that lands), and each outcome is told.
 */
export function useGroupSettingsSave(
  organization: string,
  groupId: string,
  aiVisible: boolean,
  baseline: RefObject<Baseline | undefined>,
) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const saving = useRef(false);
  const [formErrors, setFormErrors] = useState<FormErrors>();
  const [saveProblem, setSaveProblem] = useState<{ title: string; description?: string }>();
  const [conflict, setConflict] = useState<(BudgetConflict & { theirs: Baseline["budget"] }) | undefined>();
  const patchMutation = useMutation(patchGroup(queryClient, organization));
  const budgetMutation = useMutation(
    saveGroupAIBudget(queryClient, { groupId, group: () => baseline.current!.group }, () => baseline.current?.budget),
  );

  const save = async (values: GroupSettingsFormValues) => {
    if (saving.current || !baseline.current) return;
    saving.current = true;
    let leaving = false;
    setFormErrors(undefined);
    setSaveProblem(undefined);
    setConflict(undefined);
    try {
      const before = baseline.current;
      const groupPatch = changedGroupFields(before.group, values);
      const budgetChange = aiVisible
        ? changedBudget(before.budget?.spend_limit_micros ?? null, values)
        : undefined;
      const [groupResult, budgetResult] = await Promise.all([
        settle(
          groupPatch &&
            patchMutation.mutateAsync({ groupId: before.group.id, ...groupPatch }).then((group) => {
              baseline.current = { ...baseline.current!, group };
            }),
        ),
        settle(
          budgetChange !== undefined
            ? budgetMutation.mutateAsync(budgetChange).then((budget) => {
                baseline.current = { ...baseline.current!, budget };
              })
            : undefined,
        ),
      ]);
      const nameNow = baseline.current.group.name;
      const report = reportSave(before.group.name, groupResult, budgetResult);
      if (report.kind === "success") {
        // The page is being left: any click still queued behind this one is void.
        leaving = true;
        clearDraft(groupId);
        toast.success(report.title);
        await navigate(groupUrl(organization, nameNow));
        return;
      }
      const budgetError = budgetResult.sent && !budgetResult.ok ? budgetResult.error : undefined;
      if (budgetError instanceof BudgetConflictError) {
        setConflict({
          theirs: budgetError.current,
          theirsMicros: budgetError.current?.spend_limit_micros ?? null,
          yoursMicros: budgetChange ?? null,
        });
      } else {
        setSaveProblem({ title: report.title, description: report.description });
      }
      toast.error(report.title, { description: report.description, duration: 10_000 });
      setFormErrors(report.fieldErrors);
      if (nameNow !== before.group.name) {
        // The rename landed: the URL must name the group as it now is, and the
        // form (kept mounted) still holds what failed to save.
        await navigate(groupSettingsUrl(organization, nameNow), { replace: true });
      }
    } finally {
      if (!leaving) saving.current = false;
    }
  };

  /** Either way, what is stored now becomes what the form is compared against. */
  const resolveConflict = () => {
    if (conflict && baseline.current) baseline.current = { ...baseline.current, budget: conflict.theirs };
    setConflict(undefined);
  };

  return {
    save,
    saving,
    formErrors,
    saveProblem,
    conflict,
    resolveConflict,
    isUpdating: patchMutation.isPending || budgetMutation.isPending,
  };
}
