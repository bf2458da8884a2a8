// The settings form's state and the plan of a save, without React.
import { describe, expect, it } from "vitest";
import type { LoadedBudget } from "../../../api/queries/groups";
import { MockBudget, MockGroup } from "../../../testHelpers/entities";
import type { Baseline } from "./draft";
import { initialSettingsState, planSave, settingsReducer, valuesOf } from "./saveFlow";

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

describe("the settings state", () => {
  it("starts clean from the server, or dirty from a restored draft and its own baseline", () => {
    expect(initialSettingsState(loaded, undefined)).toMatchObject({ baseline: loaded, dirty: false, saving: false });
    const older: Baseline = { group: MockGroup, budget: budget(500_000_000) };
    const restored = initialSettingsState(loaded, {
      baseline: older,
      values: typed({ monthly_budget_per_member: "42" }),
    });
    expect(restored).toMatchObject({
      baseline: older,
      dirty: true,
      restored: typed({ monthly_budget_per_member: "42" }),
    });
  });

  it("is dirty exactly while the values differ from the baseline", () => {
    let state = initialSettingsState(loaded, undefined);
    state = settingsReducer(state, { type: "edited", values: typed({ monthly_budget_per_member: "12" }) });
    expect(state.dirty).toBe(true);
    state = settingsReducer(state, { type: "edited", values: typed({ monthly_budget_per_member: "1000" }) });
    expect(state.dirty).toBe(false);
  });

  it("moves the baseline forward with each write that lands, so a partly saved form is dirty only in what failed", () => {
    let state = initialSettingsState(loaded, undefined);
    state = settingsReducer(state, {
      type: "edited",
      values: typed({ display_name: "Devs", monthly_budget_per_member: "12" }),
    });
    state = settingsReducer(state, { type: "saveStarted" });
    expect(state.saving).toBe(true);
    state = settingsReducer(state, { type: "budgetSaved", budget: budget(12_000_000) });
    expect(state.dirty).toBe(true);
    expect(planSave(state.baseline, state.draft, true)).toEqual({
      group: { groupId: MockGroup.id, add_users: [], remove_users: [], display_name: "Devs" },
    });
    state = settingsReducer(state, {
      type: "saveFailed",
      problem: { title: "Failed." },
      formErrors: { name: "Taken." },
    });
    expect(state).toMatchObject({ saving: false, problem: { title: "Failed." }, formErrors: { name: "Taken." } });
    state = settingsReducer(state, { type: "groupSaved", group: { ...MockGroup, display_name: "Devs" } });
    expect(state.dirty).toBe(false);
  });

  it("compares against the stored budget once a conflict is resolved, either way", () => {
    let state = settingsReducer(initialSettingsState(loaded, undefined), {
      type: "edited",
      values: typed({ monthly_budget_per_member: "2000" }),
    });
    state = settingsReducer(state, {
      type: "saveFailed",
      formErrors: {},
      conflict: { theirs: budget(2_000_000_000), theirsMicros: 2_000_000_000, yoursMicros: 2_000_000_000 },
    });
    state = settingsReducer(state, { type: "conflictResolved" });
    expect(state.conflict).toBeUndefined();
    expect(state.baseline.budget).toEqual(budget(2_000_000_000));
    expect(state.dirty).toBe(false);
  });

  it("goes back to the baseline when the restored draft is discarded", () => {
    const older: Baseline = { group: MockGroup, budget: budget(500_000_000) };
    let state = initialSettingsState(loaded, { baseline: older, values: typed({ monthly_budget_per_member: "42" }) });
    state = settingsReducer(state, { type: "draftDiscarded" });
    expect(state).toMatchObject({ draft: valuesOf(older), dirty: false, restored: undefined });
  });
});
