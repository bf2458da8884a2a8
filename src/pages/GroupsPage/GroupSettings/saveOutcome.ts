import { getErrorDetail, getErrorMessage, getValidationErrors } from "../../../api/errors";
import { BudgetConflictError } from "../../../api/queries/groups";
import type { FormErrors } from "./groupSettingsForm";

/** What happened to one of the two writes of a save. */
export type WriteResult = { sent: false } | { sent: true; ok: true } | { sent: true; ok: false; error: unknown };

export interface SaveReport {
  kind: "success" | "error";
  title: string;
  description?: string;
  fieldErrors: FormErrors;
}

const failed = (result: WriteResult): result is { sent: true; ok: false; error: unknown } => result.sent && !result.ok;

const explain = (error: unknown): string =>
  error instanceof BudgetConflictError
    ? "Someone else changed it after you loaded it."
    : [getErrorMessage(error, ""), getErrorDetail(error)].filter(Boolean).join(" ");

// The server names the wire field; the form names the input the admin typed in.
const FIELD_OF: Record<string, keyof FormErrors> = {
  name: "name",
  display_name: "display_name",
  avatar_url: "avatar_url",
  quota_allowance: "quota_allowance",
  spend_limit_micros: "monthly_budget_per_member",
};

function fieldErrorsOf(error: unknown): FormErrors {
  const errors: FormErrors = {};
  for (const [wireField, detail] of Object.entries(getValidationErrors(error))) {
    const field = FIELD_OF[wireField];
    if (field) errors[field] = detail;
  }
  return errors;
}

/**
 * Tells the admin exactly what a save did: which of the group settings and the
 * AI budget were saved, which failed and why, and that nothing typed was lost.
 */
export function reportSave(groupName: string, group: WriteResult, budget: WriteResult): SaveReport {
  const groupFailed = failed(group);
  const budgetFailed = failed(budget);
  const fieldErrors = {
    ...(groupFailed ? fieldErrorsOf(group.error) : {}),
    ...(budgetFailed ? fieldErrorsOf(budget.error) : {}),
  };
  if (!groupFailed && !budgetFailed) {
    const saved = [group.sent && "the group settings", budget.sent && "the AI budget"].filter(Boolean);
    return {
      kind: "success",
      // Save is enabled only with a change, so at least one write went out.
      title: `Saved ${saved.join(" and ")}.`,
      fieldErrors,
    };
  }
  const kept = "Your changes are still in the form.";
  if (groupFailed && budgetFailed) {
    return {
      kind: "error",
      title: `Failed to update group "${groupName}" and its AI budget.`,
      description: `Nothing was saved. ${explain(group.error)} ${explain(budget.error)} ${kept}`,
      fieldErrors,
    };
  }
  if (groupFailed) {
    const budgetNote = budget.sent ? "The AI budget was saved. " : "";
    return {
      kind: "error",
      title: `Failed to update group "${groupName}".`,
      description: `${budgetNote}${explain(group.error)} ${kept}`.trim(),
      fieldErrors,
    };
  }
  const groupNote = group.sent ? "The group settings were saved. " : "";
  return {
    kind: "error",
    title: "Failed to update the AI budget.",
    description: `${groupNote}${explain(budgetFailed ? budget.error : undefined)} ${kept}`.trim(),
    fieldErrors,
  };
}
