import { type FC, useEffect } from "react";
import type { Group } from "../../../../core/types";
import type { LoadedBudget } from "../../../api/queries/groups";
import type { MembersSpendForPreview } from "./AIBudgetSection";
import { GroupSettingsPageView } from "./GroupSettingsPageView";
import type { GroupSettingsFormValues } from "./groupSettingsForm";
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

/** The loaded settings form: its save (useGroupSettingsSave), the leave guard, the stored draft, and the view. */
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
  const savedBudget = valuesOf(state.baseline).monthly_budget_per_member;

  return (
    <GroupSettingsPageView
      group={{ ...state.baseline.group, total_member_count: group.total_member_count }}
      initialBudgetMicros={state.baseline.budget?.spend_limit_micros ?? null}
      showAISettings={showAISettings}
      aiUnavailableReason={aiUnavailableReason}
      membersSpend={membersSpend}
      readOnly={readOnly}
      isUpdating={settings.isUpdating}
      saveProblem={state.problem}
      restoredDraft={settings.restored}
      onDiscardDraft={settings.discardDraft}
      budgetConflict={state.conflict}
      onResolveConflict={async (choice, values) => {
        if (choice === "mine") return settings.saveMine(values);
        settings.useTheirs();
        return undefined;
      }}
      onSubmit={(values) => settings.save(values)}
      onCancel={settings.cancel}
    >
      {({ values, dirty }) =>
        !readOnly && (
          <>
            <KeptDraft values={values} keep={settings.keepDraft} />
            <BudgetTouched touched={values.monthly_budget_per_member !== savedBudget} onTouched={onBudgetTouched} />
            <LeaveGuard dirty={dirty} saving={state.saving} onDiscard={settings.discard} />
          </>
        )
      }
    </GroupSettingsPageView>
  );
};

/** Keeps what is typed in the tab's storage (an outside system, hence an effect), so a reload or a lapsed session loses nothing. */
const KeptDraft: FC<{ values: GroupSettingsFormValues; keep: (values: GroupSettingsFormValues) => void }> = ({
  values,
  keep,
}) => {
  useEffect(() => keep(values), [values, keep]);
  return null;
};

/** Tells the page once the budget differs from what is saved. */
const BudgetTouched: FC<{ touched: boolean; onTouched: () => void }> = ({ touched, onTouched }) => {
  useEffect(() => {
    if (touched) onTouched();
  }, [touched, onTouched]);
  return null;
};

/** Asks before leaving with unsaved changes; a save in progress passes. */
const LeaveGuard: FC<{ dirty: boolean; saving: boolean; onDiscard: () => void }> = ({ dirty, saving, onDiscard }) =>
  useUnsavedChanges(() => dirty && !saving, dirty, onDiscard);
