// What the settings form's save keeps beside the form: what the form is
// compared against (baseline), the save's progress, a conflict and what
// failed. The typed values live in Formik alone (GroupSettingsPageView).
// Pure: the hook in useGroupSettingsSave.ts runs the requests and dispatches
// what happened.
import type { LoadedBudget } from "../../../api/queries/groups";
import type { Group, PatchGroupRequest } from "../../../../core/types";
import type { BudgetConflict } from "./BudgetConflictNotice";
import type { Baseline } from "./draft";
import {
  changedBudget,
  changedGroupFields,
  initialFormValues,
  type GroupSettingsFormValues,
} from "./groupSettingsForm";

export interface SaveProblem {
  title: string;
  description?: string;
}

export interface SettingsState {
  /** What the form is compared against: the server state it loaded, moved forward by every write that lands. */
  baseline: Baseline;
  saving: boolean;
  /** A save landed or the admin discarded: the page is being left, nothing may ask again. */
  leaving: boolean;
  /** The budget changed on the server after the form loaded; `theirs` is what is stored now. */
  conflict?: BudgetConflict & { theirs: LoadedBudget | null };
  problem?: SaveProblem;
}

export type SettingsAction =
  | { type: "saveStarted" }
  | { type: "groupSaved"; group: Group }
  | { type: "budgetSaved"; budget: LoadedBudget | null }
  | { type: "saveFailed"; problem?: SaveProblem; conflict?: SettingsState["conflict"] }
  | { type: "saveSucceeded" }
  | { type: "conflictResolved" }
  | { type: "left" };

/** The form's values for what is saved. */
export const valuesOf = (baseline: Baseline): GroupSettingsFormValues =>
  initialFormValues(baseline.group, baseline.budget?.spend_limit_micros ?? null);

/** "Has anything changed?" against the saved values: the one answer, for Save, the leave guard and the stored draft. */
export const hasChanges = (values: GroupSettingsFormValues, saved: GroupSettingsFormValues): boolean =>
  (Object.keys(values) as (keyof GroupSettingsFormValues)[]).some((key) => values[key] !== saved[key]);

/** The state a loaded form starts in: against the stored draft's baseline when there is one. */
export function initialSettingsState(baseline: Baseline): SettingsState {
  return { baseline, saving: false, leaving: false };
}

export function settingsReducer(state: SettingsState, action: SettingsAction): SettingsState {
  switch (action.type) {
    case "saveStarted":
      return { ...state, saving: true, problem: undefined, conflict: undefined };
    case "groupSaved":
      return { ...state, baseline: { ...state.baseline, group: action.group } };
    case "budgetSaved":
      return { ...state, baseline: { ...state.baseline, budget: action.budget } };
    case "saveFailed":
      return { ...state, saving: false, problem: action.problem, conflict: action.conflict };
    case "saveSucceeded":
      return { ...state, saving: false, leaving: true };
    case "conflictResolved":
      // Either way, what is stored now becomes what the form is compared against.
      return state.conflict
        ? { ...state, baseline: { ...state.baseline, budget: state.conflict.theirs }, conflict: undefined }
        : state;
    case "left":
      return { ...state, leaving: true };
  }
}

/** The requests one save needs; an empty plan sends nothing. */
export interface SavePlan {
  group?: PatchGroupRequest & { groupId: string };
  budget?: {
    /** Micros, or null to remove the budget. */
    micros: number | null;
    /** The budget the form started from: the write is refused if it is no longer stored. */
    expected: LoadedBudget | null;
  };
}

/**
 * What saving `values` needs against `baseline`: the group PATCH when a group
 * field changed, the budget write when the budget did (and the deployment has
 * AI budgets).
 */
export function planSave(baseline: Baseline, values: GroupSettingsFormValues, aiVisible: boolean): SavePlan {
  const patch = changedGroupFields(baseline.group, values);
  const micros = aiVisible ? changedBudget(baseline.budget?.spend_limit_micros ?? null, values) : undefined;
  return {
    ...(patch && { group: { groupId: baseline.group.id, ...patch } }),
    ...(micros !== undefined && { budget: { micros, expected: baseline.budget } }),
  };
}
