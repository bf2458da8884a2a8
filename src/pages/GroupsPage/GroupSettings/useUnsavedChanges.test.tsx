// The leave guard on its own, in a small app: an edit page with one field, a
// link away, a link to the same page with another query, and sign-in.
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useRef, useState } from "react";
import { createMemoryRouter, Link, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { useUnsavedChanges } from "./useUnsavedChanges";

function EditPage() {
  const [value, setValue] = useState("");
  const saving = useRef(false);
  const dirty = value !== "";
  const guard = useUnsavedChanges(() => dirty && !saving.current, dirty);
  return (
    <>
      <label>
        Budget
        <input value={value} onChange={(event) => setValue(event.target.value)} />
      </label>
      <Link to="/elsewhere">Members</Link>
      <Link to="/edit?tab=2">Same page</Link>
      <Link to="/login?redirect=%2Fedit">Sign in again</Link>
      <button type="button" onClick={() => (saving.current = true)}>
        Start saving
      </button>
      {guard}
    </>
  );
}

function renderGuarded() {
  const router = createMemoryRouter(
    [
      { path: "/edit", element: <EditPage /> },
      { path: "/elsewhere", element: <p>Elsewhere</p> },
      { path: "/login", element: <p>Sign in</p> },
    ],
    { initialEntries: ["/edit"] },
  );
  render(<RouterProvider router={router} />);
  const user = userEvent.setup();
  return { router, user, path: () => router.state.location.pathname + router.state.location.search };
}

const reloadWouldAsk = () => {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

describe("the leave guard", () => {
  it("lets the admin go when nothing is unsaved", async () => {
    const app = renderGuarded();
    expect(reloadWouldAsk()).toBe(false);
    await app.user.click(screen.getByRole("link", { name: "Members" }));
    expect(await screen.findByText("Elsewhere")).toBeInTheDocument();
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });

  it("asks in a modal before leaving with unsaved changes: Keep editing (first, focused) keeps the page and the value, Discard changes goes", async () => {
    const app = renderGuarded();
    await app.user.type(screen.getByLabelText("Budget"), "12");
    expect(reloadWouldAsk()).toBe(true);
    await app.user.click(screen.getByRole("link", { name: "Members" }));
    const question = await screen.findByRole("alertdialog", { name: "Leave without saving?" });
    expect(question).toHaveTextContent("Your changes to this group's settings have not been saved.");
    const choices = within(question).getAllByRole("button");
    expect(choices.map((button) => button.textContent)).toEqual(["Keep editing", "Discard changes"]);
    expect(choices[0]).toHaveFocus();
    await app.user.click(choices[0]!);
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(app.path()).toBe("/edit");
    expect(screen.getByLabelText("Budget")).toHaveValue("12");
    await app.user.click(screen.getByRole("link", { name: "Members" }));
    await app.user.click(
      within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Discard changes" }),
    );
    expect(await screen.findByText("Elsewhere")).toBeInTheDocument();
    expect(app.path()).toBe("/elsewhere");
    // The page and its changes are gone: a reload now has nothing to lose.
    expect(reloadWouldAsk()).toBe(false);
  });

  it("closes on Escape, as Keep editing", async () => {
    const app = renderGuarded();
    await app.user.type(screen.getByLabelText("Budget"), "12");
    await app.user.click(screen.getByRole("link", { name: "Members" }));
    await screen.findByRole("alertdialog", { name: "Leave without saving?" });
    await app.user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(app.path()).toBe("/edit");
    expect(screen.getByLabelText("Budget")).toHaveValue("12");
  });

  it("stops asking on reload once the changes are undone", async () => {
    const app = renderGuarded();
    await app.user.type(screen.getByLabelText("Budget"), "1");
    expect(reloadWouldAsk()).toBe(true);
    await app.user.clear(screen.getByLabelText("Budget"));
    expect(reloadWouldAsk()).toBe(false);
  });

  it("does not ask for a change of query on the same page", async () => {
    const app = renderGuarded();
    await app.user.type(screen.getByLabelText("Budget"), "12");
    await app.user.click(screen.getByRole("link", { name: "Same page" }));
    await waitFor(() => expect(app.path()).toBe("/edit?tab=2"));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });

  it("does not stand between a lapsed session and sign-in", async () => {
    const app = renderGuarded();
    await app.user.type(screen.getByLabelText("Budget"), "12");
    await app.user.click(screen.getByRole("link", { name: "Sign in again" }));
    expect(await screen.findByText("Sign in")).toBeInTheDocument();
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });

  it("does not ask while a save is running, which leaves by itself", async () => {
    const app = renderGuarded();
    await app.user.type(screen.getByLabelText("Budget"), "12");
    await app.user.click(screen.getByRole("button", { name: "Start saving" }));
    await app.user.click(screen.getByRole("link", { name: "Members" }));
    expect(await screen.findByText("Elsewhere")).toBeInTheDocument();
  });
});
