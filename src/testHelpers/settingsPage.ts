// What the settings page's tests share: its addresses, how to open it and
// type into it, and which requests a save wrote.
import { screen, within } from "@testing-library/react";
import { MockGroup, MockOrganizationName } from "./entities";
import { renderApp } from "./renderApp";
import type { recordRequests } from "./server";

export const BUDGET_LABEL = "Monthly budget per member (USD)";
export const settingsPath = `/organizations/${MockOrganizationName}/groups/${MockGroup.name}/settings`;
export const groupPath = `/organizations/${MockOrganizationName}/groups/${MockGroup.name}`;
export const budgetPath = `/api/v2/groups/${MockGroup.id}/ai/budget`;

/** The requests that change something: not reads, permission checks or sign-in. */
export const writes = (seen: ReturnType<typeof recordRequests>) =>
  seen.filter((r) => r.method !== "GET" && !["/api/v2/authcheck", "/api/v2/users/login"].includes(r.path));

/** Whether the browser would ask before unloading the page now. */
export function reloadWouldAsk(): boolean {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Opens the settings page (of `path`, by default the developers group) once its budget field is there. */
export async function openSettings(path = settingsPath) {
  const app = renderApp(path);
  const input = await screen.findByLabelText(BUDGET_LABEL);
  /** Replaces what the field labelled `label` holds with `text`. */
  const type = async (label: string, text: string) => {
    await app.user.clear(screen.getByLabelText(label, { exact: true }));
    if (text) await app.user.type(screen.getByLabelText(label, { exact: true }), text);
  };
  const save = () => app.user.click(screen.getByRole("button", { name: "Save" }));
  return { ...app, input, type, save };
}

export type SettingsApp = Awaited<ReturnType<typeof openSettings>>;

/**
 * Answers the question a save asks first with its action (0 turns AI off; a
 * budget lower than what a member spent blocks them): the fixtures' bob has
 * spent $870 of the saved $1,000, so any lower budget blocks him at once.
 */
export async function confirmSaveQuestion(user: { click: (element: Element) => Promise<void> }) {
  const question = await screen.findByRole("alertdialog");
  await user.click(within(question).getByRole("button", { name: /^(Turn AI off|Save and block)/ }));
}
