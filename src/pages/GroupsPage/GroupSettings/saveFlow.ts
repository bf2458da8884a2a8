// The settings form's state in one place: what the form started from
// (baseline), what the admin has typed (draft), whether that differs, and the
// save's progress and outcome. Pure: the hook in useGroupSettingsSave.ts runs
// the requests and dispatches what happened.
import type { LoadedBudget } from "../../../api/queries/groups";
import type { Group, PatchGroupRequest } from "../../../../core/types";
import type { BudgetConflict } from "./BudgetConflictNotice";
import type { Baseline, Draft } from "./draft";
import {
  changedBudget,
  changedGroupFields,
  initialFormValues,
  type FormErrors,
  type GroupSettingsFormValues,
} from "./groupSettingsForm";

export interface SaveProblem {
  title: string;
  description?: string;
}

export interface SettingsState {
  /** What the form is compared against: the server state it loaded, moved forward by every write that lands. */
  baseline: Baseline;
  /** What the form holds now. */
  draft: GroupSettingsFormValues;
  /** The draft differs from the baseline. */
  dirty: boolean;
  /** Values restored from an earlier visit, which the form started from. */
  restored?: GroupSettingsFormValues;
  saving: boolean;
  /** A save landed or the admin discarded: the page is being left, nothing may ask again. */
  leaving: boolean;
  /** The budget changed on the server after the form loaded; `theirs` is what is stored now. */
  conflict?: BudgetConflict & { theirs: LoadedBudget | null };
  problem?: SaveProblem;
  formErrors?: FormErrors;
}

export type SettingsAction =
  | { type: "edited"; values: GroupSettingsFormValues }
  | { type: "saveStarted" }
  | { type: "groupSaved"; group: Group }
  | { type: "budgetSaved"; budget: LoadedBudget | null }
  | { type: "saveFailed"; problem?: SaveProblem; conflict?: SettingsState["conflict"]; formErrors: FormErrors }
  | { type: "saveSucceeded" }
  | { type: "conflictResolved" }
  | { type: "draftDiscarded" }
  | { type: "left" };

export const valuesOf = (baseline: Baseline): GroupSettingsFormValues =>
  initialFormValues(baseline.group, baseline.budget?.spend_limit_micros ?? null);

export const sameValues = (a: GroupSettingsFormValues, b: GroupSettingsFormValues) =>
  (Object.keys(a) as (keyof GroupSettingsFormValues)[]).every((key) => a[key] === b[key]);

const withBaseline = (state: SettingsState, baseline: Baseline): SettingsState => ({
  ...state,
  baseline,
  dirty: !sameValues(state.draft, valuesOf(baseline)),
});

/** The state a loaded form starts in: from the saved draft when there is one, else from the server. */
export function initialSettingsState(loaded: Baseline, draft: Draft | undefined): SettingsState {
  const baseline = draft?.baseline ?? loaded;
  const values = draft?.values ?? valuesOf(baseline);
  return withBaseline(
    { baseline, draft: values, dirty: false, restored: draft?.values, saving: false, leaving: false },
    baseline,
  );
}

export function settingsReducer(state: SettingsState, action: SettingsAction): SettingsState {
  switch (action.type) {
    case "edited":
      return withBaseline({ ...state, draft: action.values }, state.baseline);
    case "saveStarted":
      return { ...state, saving: true, problem: undefined, conflict: undefined, formErrors: undefined };
    case "groupSaved":
      return withBaseline(state, { ...state.baseline, group: action.group });
    case "budgetSaved":
      return withBaseline(state, { ...state.baseline, budget: action.budget });
    case "saveFailed":
      return {
        ...state,
        saving: false,
        problem: action.problem,
        conflict: action.conflict,
        formErrors: action.formErrors,
      };
    case "saveSucceeded":
      return { ...state, saving: false, leaving: true };
    case "conflictResolved":
      // Either way, what is stored now becomes what the form is compared against.
      return state.conflict
        ? { ...withBaseline(state, { ...state.baseline, budget: state.conflict.theirs }), conflict: undefined }
        : state;
    case "draftDiscarded":
      return withBaseline({ ...state, draft: valuesOf(state.baseline), restored: undefined }, state.baseline);
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
