// Unsaved edits survive in this tab's sessionStorage: through a sign-in after
// the session expired, or a crash of the page. A confirmed discard (the leave
// question, or a reload the browser asked about) deletes them. A draft keeps the
// server state it was based on, so saving it later is still checked against
// what the admin actually saw.
import type { Group } from "../../../../core/types";
import type { LoadedBudget } from "../../../api/queries/groups";
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

/**
 * Saves the draft without the group's member list: the form never compares
 * members, and a 10,000-member group would make every keystroke write
 * megabytes, and could overflow the tab's storage and lose the draft.
 */
export function writeDraft(groupId: string, draft: Draft): void {
  const stored: Draft = { ...draft, baseline: { ...draft.baseline, group: { ...draft.baseline.group, members: [] } } };
  try {
    sessionStorage.setItem(keyOf(groupId), JSON.stringify(stored));
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
