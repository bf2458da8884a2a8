// What the admin sees when something goes wrong, and that nothing typed is lost.
import { screen, waitFor, within } from "@testing-library/react";
import { delay, http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { API, REQUEST_TIMEOUT_MS } from "../../../api/api";
import { MockGroup } from "../../../testHelpers/entities";
import { mockBackend, setBudgetElsewhere } from "../../../testHelpers/handlers";
import { renderApp } from "../../../testHelpers/renderApp";
import { recordRequests, server } from "../../../testHelpers/server";
import {
  BUDGET_LABEL,
  budgetPath,
  confirmSaveQuestion,
  groupPath,
  openSettings,
  settingsPath,
  writes,
} from "../../../testHelpers/settingsPage";

const banner = () =>
  within(screen.getByRole("form", { name: "Group settings" }))
    .getAllByRole("alert")
    .at(-1)!;

afterEach(() => {
  API.timeoutMs = REQUEST_TIMEOUT_MS;
});

describe("another admin changed the budget after the form loaded", () => {
  it("shows both values before writing anything, and saves the admin's own on request", async () => {
    const app = await openSettings();
    setBudgetElsewhere(MockGroup.id, 2_000_000_000);
    await app.type(BUDGET_LABEL, "1500");
    const seen = recordRequests();
    await app.save();
    const question = await screen.findByRole("alertdialog");
    expect(question).toHaveTextContent("Someone else changed this budget while you were editing.");
    expect(question).toHaveTextContent("It is now $2,000.00 per member. You entered $1,500.00 per member.");
    expect(mockBackend.budgets.get(MockGroup.id)?.spend_limit_micros).toBe(2_000_000_000);
    expect(app.location()).toBe(settingsPath);

    await app.user.click(within(question).getByRole("button", { name: "Save mine ($1,500.00 per member)" }));
    await waitFor(() => expect(app.location()).toBe(groupPath));
    expect(mockBackend.budgets.get(MockGroup.id)?.spend_limit_micros).toBe(1_500_000_000);
    expect(writes(seen).filter((w) => w.method === "PUT")).toHaveLength(2);
  });

  it("takes the other admin's value into the form on request, and sends nothing", async () => {
    const app = await openSettings();
    setBudgetElsewhere(MockGroup.id, null);
    await app.type(BUDGET_LABEL, "1500");
    await app.save();
    const question = await screen.findByRole("alertdialog");
    expect(question).toHaveTextContent("It is now no budget. You entered $1,500.00 per member.");
    const seen = recordRequests();
    await app.user.click(within(question).getByRole("button", { name: "Use theirs (no budget)" }));
    expect(app.input).toHaveValue("");
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(writes(seen)).toEqual([]);
    // The form now holds what is stored: nothing to save.
    expect(screen.getByRole("button", { name: "Save" })).toBeDisabled();
  });

  it("does not raise a conflict for a budget the admin did not touch", async () => {
    const app = await openSettings();
    setBudgetElsewhere(MockGroup.id, 2_000_000_000);
    await app.type("Display name", "Devs");
    const seen = recordRequests();
    await app.save();
    await waitFor(() => expect(app.location()).toBe(groupPath));
    expect(writes(seen).map((w) => w.method)).toEqual(["PATCH"]);
  });
});

describe("faults", () => {
  it("brings the admin back to the form, typed values restored, after the session lapsed mid-edit", async () => {
    const app = await openSettings();
    await app.type("Display name", "Developers team");
    await app.type(BUDGET_LABEL, "25");
    mockBackend.signedIn = false;
    await app.save();
    await confirmSaveQuestion(app.user); // $25 is below what bob spent: it blocks him
    await screen.findByRole("heading", { name: "Sign in" });
    await app.user.type(screen.getByLabelText("Email"), "admin@example.com");
    await app.user.type(screen.getByLabelText("Password"), "SomeSecurePassword!");
    await app.user.click(screen.getByRole("button", { name: "Sign In" }));
    expect(await screen.findByText("Restored the changes you had not saved yet.")).toBeInTheDocument();
    expect(screen.getByLabelText(BUDGET_LABEL)).toHaveValue("25");
    expect(screen.getByLabelText("Display name")).toHaveValue("Developers team");
    expect(app.location()).toBe(settingsPath);
    const seen = recordRequests();
    await app.user.click(screen.getByRole("button", { name: "Save" }));
    await confirmSaveQuestion(app.user); // $25 is below what bob spent: it blocks him
    await waitFor(() => expect(app.location()).toBe(groupPath));
    expect(
      writes(seen)
        .map((w) => w.method)
        .sort(),
    ).toEqual(["PATCH", "PUT"]);
    expect(mockBackend.budgets.get(MockGroup.id)?.spend_limit_micros).toBe(25_000_000);
  });

  it("says the entitlement is gone when the budget write answers 403, and claims nothing", async () => {
    const app = await openSettings();
    mockBackend.aiEntitled = false;
    await app.type(BUDGET_LABEL, "25");
    await app.save();
    await confirmSaveQuestion(app.user); // $25 is below what bob spent: it blocks him
    await waitFor(() => expect(banner()).toHaveTextContent("Failed to update the AI budget."));
    expect(banner()).toHaveTextContent("AI Gateway is a Premium feature. Contact sales!");
    expect(screen.queryByText(/^Saved/)).not.toBeInTheDocument();
    expect(app.input).toHaveValue("25");
    expect(app.location()).toBe(settingsPath);
  });

  it("says the server could not be reached when the network is down, and keeps every value", async () => {
    const app = await openSettings();
    server.use(
      http.put(budgetPath, () => HttpResponse.error()),
      http.patch(`/api/v2/groups/${MockGroup.id}`, () => HttpResponse.error()),
    );
    await app.type("Name", "platform");
    await app.type(BUDGET_LABEL, "25");
    await app.save();
    await confirmSaveQuestion(app.user); // $25 is below what bob spent: it blocks him
    await waitFor(() => expect(banner()).toHaveTextContent('Failed to update group "developers" and its AI budget.'));
    expect(banner()).toHaveTextContent("Nothing was saved.");
    expect(banner()).toHaveTextContent("The server could not be reached.");
    expect(screen.getByLabelText("Name", { exact: true })).toHaveValue("platform");
    expect(app.input).toHaveValue("25");
    expect(app.location()).toBe(settingsPath);
  });

  it("gives up on a budget load that never answers, and offers Retry instead of a form", async () => {
    API.timeoutMs = 200;
    server.use(http.get(budgetPath, () => delay("infinite")));
    const { user } = renderApp(settingsPath);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not load the AI budget.");
    expect(alert).toHaveTextContent("The server did not answer in time.");
    expect(screen.queryByLabelText(BUDGET_LABEL)).not.toBeInTheDocument();
    server.resetHandlers();
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await screen.findByLabelText(BUDGET_LABEL)).toHaveValue("1000");
  });

  it("saves once when Enter is held down", async () => {
    const app = await openSettings();
    // $950 blocks no one new (carol is blocked by the saved $1,000 already), so no question takes the Enters.
    await app.type(BUDGET_LABEL, "950");
    const seen = recordRequests();
    await app.user.keyboard("{Enter>6/}");
    await waitFor(() => expect(app.location()).toBe(groupPath));
    expect(writes(seen)).toHaveLength(1);
  });
});

describe("leaving with unsaved changes", () => {
  it("asks first; Keep editing keeps the form as typed, Discard changes goes and forgets the draft", async () => {
    const app = await openSettings();
    await app.type(BUDGET_LABEL, "12");
    await app.user.click(screen.getByRole("link", { name: "Members" }));
    const question = await screen.findByRole("alertdialog");
    expect(question).toHaveTextContent("Leave without saving?");
    expect(within(question).getByRole("button", { name: "Keep editing" })).toHaveFocus();
    await app.user.click(within(question).getByRole("button", { name: "Keep editing" }));
    expect(app.location()).toBe(settingsPath);
    expect(screen.getByLabelText(BUDGET_LABEL)).toHaveValue("12");
    await app.user.click(screen.getByRole("link", { name: "Members" }));
    await app.user.click(
      within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Discard changes" }),
    );
    await waitFor(() => expect(app.location()).toBe(groupPath));
    app.unmount();
    expect((await openSettings()).input).toHaveValue("1000");
  });

  it("asks on Cancel too, with the same question", async () => {
    const app = await openSettings();
    await app.type(BUDGET_LABEL, "12");
    await app.user.click(screen.getByRole("button", { name: "Cancel" }));
    const question = await screen.findByRole("alertdialog", { name: "Leave without saving?" });
    await app.user.click(within(question).getByRole("button", { name: "Keep editing" }));
    expect(app.location()).toBe(settingsPath);
    await app.user.click(screen.getByRole("button", { name: "Cancel" }));
    await app.user.click(
      within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Discard changes" }),
    );
    await waitFor(() => expect(app.location()).toBe(groupPath));
  });

  it("does not ask without changes, on Cancel without changes, or after a save", async () => {
    const app = await openSettings();
    await app.user.click(screen.getByRole("link", { name: "Members" }));
    await waitFor(() => expect(app.location()).toBe(groupPath));
    await app.user.click(screen.getByRole("link", { name: "Settings" }));
    await screen.findByLabelText(BUDGET_LABEL);
    await app.user.click(await screen.findByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(app.location()).toBe(groupPath));
    await app.user.click(screen.getByRole("link", { name: "Settings" }));
    await screen.findByLabelText(BUDGET_LABEL);
    await app.type(BUDGET_LABEL, "1200");
    await app.save();
    await waitFor(() => expect(app.location()).toBe(groupPath));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });

  it("restores unsaved values when the page is opened again, and Discard brings back the saved ones", async () => {
    const first = await openSettings();
    await first.type(BUDGET_LABEL, "77");
    first.unmount();
    const second = await openSettings();
    expect(second.input).toHaveValue("77");
    await second.user.click(screen.getByRole("button", { name: "Discard them" }));
    expect(second.input).toHaveValue("1000");
    second.unmount();
    const third = await openSettings();
    expect(third.input).toHaveValue("1000");
  });
});

describe("what the page renders", () => {
  it("shows markup in group names as text, never as elements", async () => {
    mockBackend.groups[0]!.display_name = '<img src=x onerror="window.__pwned=1">';
    renderApp(settingsPath);
    await screen.findByLabelText(BUDGET_LABEL);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent('<img src=x onerror="window.__pwned=1">');
    expect(document.querySelector("img")).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("refuses a javascript: avatar URL on the field, and sends nothing", async () => {
    const app = await openSettings();
    await app.type("Avatar URL", "javascript:alert(1)");
    const seen = recordRequests();
    await app.save();
    expect(screen.getByLabelText("Avatar URL")).toHaveAccessibleDescription(
      "Avatar URL must start with http:// or https://.",
    );
    expect(writes(seen)).toEqual([]);
  });
});
