import { useCallback, useEffect, type FC } from "react";
import type { Group } from "../../../../core/types";
import type { LoadedBudget } from "../../../api/queries/groups";
import type { MembersSpendForPreview } from "./AIBudgetSection";
import { GroupSettingsPageView } from "./GroupSettingsPageView";
import { valuesOf } from "./saveFlow";
import { useGroupSettingsSave } from "./useGroupSettingsSave";
import { useUnsavedChanges } from "./useUnsavedChanges";

export interface GroupSettingsPageFormProps {
  organization: string;
  /** The group and its budget as loaded; the form is mounted only once both are. */
  group: Group;
  budget: LoadedBudget | null;
  readOnly: boolean;
  showAISettings: boolean;
  aiUnavailableReason?: string;
  membersSpend?: MembersSpendForPreview;
  /** The admin started changing the budget: the impact preview may need the members' spend. */
  onBudgetTouched: () => void;
}

/** The loaded settings form: its state and save (useGroupSettingsSave), the leave guard, and the view. */
export const GroupSettingsPageForm: FC<GroupSettingsPageFormProps> = ({
  organization,
  group,
  budget,
  readOnly,
  showAISettings,
  aiUnavailableReason,
  membersSpend,
  onBudgetTouched,
}) => {
  const settings = useGroupSettingsSave({
    organization,
    loaded: { group, budget },
    memberCount: group.total_member_count,
    readOnly,
    aiVisible: showAISettings,
  });
  const { state } = settings;
  const leaveGuard = useUnsavedChanges(() => state.dirty && !state.saving, state.dirty, settings.discard);

  const budgetTouched = state.draft.monthly_budget_per_member !== valuesOf(state.baseline).monthly_budget_per_member;
  useEffect(() => {
    if (budgetTouched) onBudgetTouched();
  }, [budgetTouched, onBudgetTouched]);

  const { edited } = settings;
  const onValuesChange = useCallback((values: Parameters<typeof edited>[0]) => edited(values), [edited]);

  return (
    <GroupSettingsPageView
      group={{ ...state.baseline.group, total_member_count: group.total_member_count }}
      initialBudgetMicros={state.baseline.budget?.spend_limit_micros ?? null}
      showAISettings={showAISettings}
      aiUnavailableReason={aiUnavailableReason}
      membersSpend={membersSpend}
      readOnly={readOnly}
      isUpdating={settings.isUpdating}
      formErrors={state.formErrors}
      saveProblem={state.problem}
      restoredDraft={state.restored}
      onDiscardDraft={settings.discardDraft}
      budgetConflict={state.conflict}
      onResolveConflict={(choice, values) =>
        choice === "mine" ? void settings.saveMine(values) : settings.useTheirs()
      }
      onValuesChange={readOnly ? undefined : onValuesChange}
      onSubmit={(values) => settings.save(values)}
      onCancel={settings.cancel}
    >
      {leaveGuard}
    </GroupSettingsPageView>
  );
};
