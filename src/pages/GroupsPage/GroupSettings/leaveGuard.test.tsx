// The leave guard beyond in-app links: a reload or a closed tab asks only
// when something is unsaved, and a session that lapses while the admin is
// just typing (no save running) goes to sign-in without a question, the
// typed values kept for the way back.
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockBackend } from "../../../testHelpers/handlers";
import { BUDGET_LABEL, openSettings, reloadWouldAsk, settingsPath } from "../../../testHelpers/settingsPage";

describe("reloading or closing the tab", () => {
  it("asks only while there are unsaved changes", async () => {
    const app = await openSettings();
    expect(reloadWouldAsk()).toBe(false);
    await app.user.clear(app.input);
    await app.user.type(app.input, "12");
    expect(reloadWouldAsk()).toBe(true);
    // Typed back to what is saved: nothing to lose.
    await app.user.clear(app.input);
    await app.user.type(app.input, "1000");
    await waitFor(() => expect(reloadWouldAsk()).toBe(false));
  });

  it("stops asking once the page is gone", async () => {
    const app = await openSettings();
    await app.user.type(app.input, "5");
    expect(reloadWouldAsk()).toBe(true);
    app.unmount();
    expect(reloadWouldAsk()).toBe(false);
  });
});

describe("a session that lapses while the admin types, with no save running", () => {
  it("goes to sign-in without asking, and brings the typed values back afterwards", async () => {
    const app = await openSettings();
    await app.user.clear(app.input);
    await app.user.type(app.input, "42");
    mockBackend.signedIn = false;
    // Any request now answers 401, as a background refetch would find.
    await app.queryClient.invalidateQueries();
    await screen.findByRole("heading", { name: "Sign in" });
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(app.router.state.location.search).toBe(`?redirect=${encodeURIComponent(settingsPath)}`);
    await app.user.type(screen.getByLabelText("Email"), "admin@example.com");
    await app.user.type(screen.getByLabelText("Password"), "SomeSecurePassword!");
    await app.user.click(screen.getByRole("button", { name: "Sign In" }));
    expect(await screen.findByText("Restored the changes you had not saved yet.")).toBeInTheDocument();
    expect(screen.getByLabelText(BUDGET_LABEL)).toHaveValue("42");
    expect(app.location()).toBe(settingsPath);
  });
});
