import * as Yup from "yup";
import type { Group, PatchGroupRequest } from "../../../../core/types";
import {
  avatarUrlProblem,
  displayNameProblem,
  groupNameProblem,
  QUOTA_ALLOWANCE_MAX,
} from "../../../../core/validation";
import { amountInputError, dollarsToMicros, microsToDollars } from "../../../../core/currency";

/** What the form holds: each field as the admin typed it. */
export interface GroupSettingsFormValues {
  name: string;
  display_name: string;
  avatar_url: string;
  quota_allowance: string;
  /** Empty: no budget. "0": AI disabled. Otherwise USD per member per month. */
  monthly_budget_per_member: string;
}

export type GroupSettingsField = keyof GroupSettingsFormValues;
export type FormErrors = Partial<Record<GroupSettingsField, string>>;

/** Empty is allowed (no budget); anything else must be an amount we accept. */
export const budgetInputError = (input: string): string | undefined =>
  input.trim() === "" ? undefined : amountInputError(input);

export const QUOTA_MESSAGE = "Enter a whole number, 0 or more.";

const problemTest = (problem: (value: string) => string | undefined) =>
  function (this: Yup.TestContext, value: string | undefined) {
    const found = problem(value ?? "");
    return found ? this.createError({ message: found }) : true;
  };

export const groupSettingsSchema = Yup.object({
  name: Yup.string().test("name", problemTest(groupNameProblem)),
  display_name: Yup.string().test("display_name", problemTest(displayNameProblem)),
  avatar_url: Yup.string().test("avatar_url", problemTest(avatarUrlProblem)),
  quota_allowance: Yup.string().test("quota_allowance", (value = "", ctx) =>
    /^\d{1,10}$/.test(value.trim()) && Number(value) <= QUOTA_ALLOWANCE_MAX
      ? true
      : ctx.createError({ message: QUOTA_MESSAGE }),
  ),
  monthly_budget_per_member: Yup.string().test("budget", problemTest(budgetInputError)),
});

export function initialFormValues(group: Group, spendLimitMicros: number | null): GroupSettingsFormValues {
  return {
    name: group.name,
    display_name: group.display_name,
    avatar_url: group.avatar_url,
    quota_allowance: String(group.quota_allowance),
    monthly_budget_per_member: spendLimitMicros === null ? "" : microsToDollars(spendLimitMicros),
  };
}

/** Empty means no budget (null); anything else is micros. Call on valid values only. */
export const budgetFromInput = (input: string): number | null => (input.trim() === "" ? null : dollarsToMicros(input));

/** The group fields that differ from the saved group, or undefined when none do. */
export function changedGroupFields(saved: Group, values: GroupSettingsFormValues): PatchGroupRequest | undefined {
  const patch: PatchGroupRequest = { add_users: [], remove_users: [] };
  for (const field of ["name", "display_name", "avatar_url"] as const) {
    if (values[field] !== saved[field]) patch[field] = values[field];
  }
  const quota = Number(values.quota_allowance.trim());
  if (quota !== saved.quota_allowance) patch.quota_allowance = quota;
  return Object.keys(patch).length > 2 ? patch : undefined;
}

/** The budget to write (micros, or null to remove it), or undefined when unchanged. */
export function changedBudget(savedMicros: number | null, values: GroupSettingsFormValues): number | null | undefined {
  const next = budgetFromInput(values.monthly_budget_per_member);
  return next === savedMicros ? undefined : next;
}
