// Unsaved edits survive in this tab's sessionStorage: through a sign-in after
// the session expired, a reload, or a crash of the page. A draft keeps the
// server state it was based on, so saving it later is still checked against
// what the admin actually saw.
import type { Group } from "../../api/types";
import type { LoadedBudget } from "../../api/queries/groups";
import type { GroupSettingsFormValues } from "./groupSettingsForm";

export interface Baseline {
  group: Group;
  budget: LoadedBudget | null;
}

export interface Draft {
  values: GroupSettingsFormValues;
  baseline: Baseline;
}

const keyOf = (groupId: string) => `group-settings-draft:${groupId}`;

export function readDraft(groupId: string): Draft | undefined {
  try {
    const text = sessionStorage.getItem(keyOf(groupId));
    return text ? (JSON.parse(text) as Draft) : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(groupId: string, draft: Draft): void {
  try {
    sessionStorage.setItem(keyOf(groupId), JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the form still holds the values.
  }
}

export function clearDraft(groupId: string): void {
  try {
    sessionStorage.removeItem(keyOf(groupId));
  } catch {
    // Nothing to clear.
  }
}
