// What the settings save keeps beside the form, and the plan of a save, without React.
import { describe, expect, it } from "vitest";
import type { LoadedBudget } from "../../../api/queries/groups";
import { MockBudget, MockGroup } from "../../../testHelpers/entities";
import type { Baseline } from "./draft";
import { hasChanges, initialSettingsState, planSave, settingsReducer, valuesOf } from "./saveFlow";

const budget = (micros: number): LoadedBudget => ({ ...MockBudget, spend_limit_micros: micros, etag: `"${micros}"` });
const loaded: Baseline = { group: MockGroup, budget: budget(1_000_000_000) };
const typed = (changes: Partial<ReturnType<typeof valuesOf>>) => ({ ...valuesOf(loaded), ...changes });

describe("planSave", () => {
  it("plans nothing when nothing changed", () => {
    expect(planSave(loaded, valuesOf(loaded), true)).toEqual({});
  });

  it("plans the budget write alone, in exact micros, against the budget the form started from", () => {
    expect(planSave(loaded, typed({ monthly_budget_per_member: "19.99" }), true)).toEqual({
      budget: { micros: 19_990_000, expected: loaded.budget },
    });
  });

  it("plans removing the budget for an empty input, and AI off for 0", () => {
    expect(planSave(loaded, typed({ monthly_budget_per_member: "" }), true).budget?.micros).toBeNull();
    expect(planSave(loaded, typed({ monthly_budget_per_member: "0" }), true).budget?.micros).toBe(0);
  });

  it("plans the group PATCH with only the changed fields, by the group's id", () => {
    expect(planSave(loaded, typed({ display_name: "Devs", quota_allowance: "7" }), true)).toEqual({
      group: { groupId: MockGroup.id, add_users: [], remove_users: [], display_name: "Devs", quota_allowance: 7 },
    });
  });

  it("never plans a budget write where the deployment has no AI budgets", () => {
    expect(planSave(loaded, typed({ monthly_budget_per_member: "5" }), false)).toEqual({});
  });
});

describe("what a save keeps beside the form", () => {
  it("knows a change only against the saved values", () => {
    expect(hasChanges(valuesOf(loaded), valuesOf(loaded))).toBe(false);
    expect(hasChanges(typed({ monthly_budget_per_member: "12" }), valuesOf(loaded))).toBe(true);
    expect(hasChanges(typed({ monthly_budget_per_member: "1000" }), valuesOf(loaded))).toBe(false);
  });

  it("moves the baseline forward with each write that lands, so a partly saved form has changes only in what failed", () => {
    const values = typed({ display_name: "Devs", monthly_budget_per_member: "12" });
    let state = initialSettingsState(loaded);
    state = settingsReducer(state, { type: "saveStarted" });
    expect(state.saving).toBe(true);
    state = settingsReducer(state, { type: "budgetSaved", budget: budget(12_000_000) });
    expect(hasChanges(values, valuesOf(state.baseline))).toBe(true);
    expect(planSave(state.baseline, values, true)).toEqual({
      group: { groupId: MockGroup.id, add_users: [], remove_users: [], display_name: "Devs" },
    });
    state = settingsReducer(state, { type: "saveFailed", problem: { title: "Failed." } });
    expect(state).toMatchObject({ saving: false, problem: { title: "Failed." } });
    state = settingsReducer(state, { type: "groupSaved", group: { ...MockGroup, display_name: "Devs" } });
    expect(hasChanges(values, valuesOf(state.baseline))).toBe(false);
  });

  it("compares against the stored budget once a conflict is resolved, either way", () => {
    let state = settingsReducer(initialSettingsState(loaded), {
      type: "saveFailed",
      conflict: { theirs: budget(2_000_000_000), theirsMicros: 2_000_000_000, yoursMicros: 2_000_000_000 },
    });
    state = settingsReducer(state, { type: "conflictResolved" });
    expect(state.conflict).toBeUndefined();
    expect(state.baseline.budget).toEqual(budget(2_000_000_000));
    expect(hasChanges(typed({ monthly_budget_per_member: "2000" }), valuesOf(state.baseline))).toBe(false);
  });

  it("leaves once a save landed, and asks nothing more", () => {
    const state = settingsReducer(settingsReducer(initialSettingsState(loaded), { type: "saveStarted" }), {
      type: "saveSucceeded",
    });
    expect(state).toMatchObject({ saving: false, leaving: true });
  });
});
