import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useReducer, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { toast } from "sonner";
import { groupSettingsUrl, groupUrl } from "../../../app/urls";
import { BudgetConflictError, patchGroup, saveGroupAIBudget } from "../../../api/queries/groups";
import { clearDraft, readDraft, writeDraft, type Baseline } from "./draft";
import type { FormErrors, GroupSettingsFormValues } from "./groupSettingsForm";
import { hasChanges, initialSettingsState, planSave, settingsReducer, type SavePlan, valuesOf } from "./saveFlow";
import { reportSave, type WriteResult } from "./saveOutcome";
import { UNGUARDED } from "./useUnsavedChanges";

async function settle<T>(write: Promise<T> | undefined, landed: (value: T) => void): Promise<WriteResult> {
  if (!write) return { sent: false };
  try {
    landed(await write);
    return { sent: true, ok: true };
  } catch (error) {
    return { sent: true, ok: false, error };
  }
}

interface SettingsTarget {
  organization: string;
  /** The group and budget as loaded from the server. */
  loaded: Baseline;
  /** Only the live group knows how many members it has now. */
  memberCount: number;
  readOnly: boolean;
  aiVisible: boolean;
}

/**
 * What the settings form's save keeps (saveFlow.ts) and its one save: the
 * group PATCH and the budget write go out together, each only if planSave says
 * it changed, each landing moves the baseline forward, and each outcome is
 * told. A save answers the field errors the server gave, for the form to show.
 */
export function useGroupSettingsSave({ organization, loaded, memberCount, readOnly, aiVisible }: SettingsTarget) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const groupId = loaded.group.id;
  // Values typed on an earlier visit and not saved: the form starts from them, against their own baseline.
  const [restored, setRestored] = useState(() => (readOnly ? undefined : readDraft(groupId)));
  const [state, dispatch] = useReducer(settingsReducer, restored?.baseline ?? loaded, initialSettingsState);

  const patchMutation = useMutation(patchGroup(queryClient, organization));
  const budgetWrite = (expected: NonNullable<SavePlan["budget"]>["expected"]) =>
    saveGroupAIBudget(
      queryClient,
      { groupId, group: () => ({ organization_id: loaded.group.organization_id, total_member_count: memberCount }) },
      () => expected,
    );
  const budgetMutation = useMutation({
    mutationFn: ({ micros, expected }: NonNullable<SavePlan["budget"]>) => budgetWrite(expected).mutationFn(micros),
    onSuccess: (saved: Awaited<ReturnType<ReturnType<typeof budgetWrite>["mutationFn"]>>, { expected }) =>
      budgetWrite(expected).onSuccess(saved),
  });

  /** Keeps the typed values in the tab's storage while they differ from what is saved. */
  const keepDraft = useCallback(
    (values: GroupSettingsFormValues) => {
      if (state.leaving) return;
      if (hasChanges(values, valuesOf(state.baseline))) writeDraft(groupId, { values, baseline: state.baseline });
      else clearDraft(groupId);
    },
    [groupId, state.baseline, state.leaving],
  );

  // A second Enter or click can arrive before React renders `saving`; this
  // guard is read synchronously, and only here.
  const inFlight = useRef(false);

  /** Saves `values` against `baseline` (by default what the form started from). */
  const save = async (
    values: GroupSettingsFormValues,
    baseline: Baseline = state.baseline,
  ): Promise<FormErrors | undefined> => {
    if (inFlight.current || state.leaving) return undefined;
    inFlight.current = true;
    try {
      return await saveOnce(values, baseline);
    } finally {
      inFlight.current = false;
    }
  };

  const saveOnce = async (values: GroupSettingsFormValues, baseline: Baseline): Promise<FormErrors | undefined> => {
    const plan = planSave(baseline, values, aiVisible);
    // Save is disabled without a change; a plan with nothing in it sends nothing and says nothing.
    if (!plan.group && !plan.budget) return undefined;
    dispatch({ type: "saveStarted" });
    let nameNow = baseline.group.name;
    const [groupResult, budgetResult] = await Promise.all([
      settle(plan.group && patchMutation.mutateAsync(plan.group), (group) => {
        nameNow = group.name;
        dispatch({ type: "groupSaved", group });
      }),
      settle(plan.budget && budgetMutation.mutateAsync(plan.budget), (budget) =>
        dispatch({ type: "budgetSaved", budget }),
      ),
    ]);
    const report = reportSave(baseline.group.name, groupResult, budgetResult);
    if (report.kind === "success") {
      dispatch({ type: "saveSucceeded" });
      clearDraft(groupId);
      toast.success(report.title);
      await navigate(groupUrl(organization, nameNow), UNGUARDED);
      return undefined;
    }
    const budgetError = budgetResult.sent && !budgetResult.ok ? budgetResult.error : undefined;
    dispatch({
      type: "saveFailed",
      ...(budgetError instanceof BudgetConflictError
        ? {
            conflict: {
              theirs: budgetError.current,
              theirsMicros: budgetError.current?.spend_limit_micros ?? null,
              yoursMicros: plan.budget?.micros ?? null,
            },
          }
        : { problem: { title: report.title, description: report.description } }),
    });
    toast.error(report.title, { description: report.description, duration: 10_000 });
    if (nameNow !== baseline.group.name) {
      // The rename landed: the URL must name the group as it now is, and the
      // form (kept mounted) still holds what failed to save.
      await navigate(groupSettingsUrl(organization, nameNow), { ...UNGUARDED, replace: true });
    }
    return report.fieldErrors;
  };

  /** "Save mine": the stored budget becomes the baseline, and the admin's values are saved against it. */
  const saveMine = (values: GroupSettingsFormValues) => {
    if (!state.conflict) return Promise.resolve(undefined);
    const baseline = { ...state.baseline, budget: state.conflict.theirs };
    dispatch({ type: "conflictResolved" });
    return save(values, baseline);
  };

  const discardChanges = useCallback(() => {
    clearDraft(groupId);
    dispatch({ type: "left" });
  }, [groupId]);

  return {
    state,
    /** The stored draft the form started from, until discarded. */
    restored: restored?.values,
    keepDraft,
    save,
    saveMine,
    useTheirs: () => dispatch({ type: "conflictResolved" }),
    /** Back to what is saved: the form resets itself; the stored draft goes. */
    discardDraft: () => {
      clearDraft(groupId);
      setRestored(undefined);
    },
    /** The admin chose to leave without saving: nothing of this form stays. */
    discard: discardChanges,
    /** Goes back to the group; the leave guard asks first when something is unsaved. */
    cancel: () => void navigate(groupUrl(organization, state.baseline.group.name)),
    isUpdating: patchMutation.isPending || budgetMutation.isPending,
  };
}
