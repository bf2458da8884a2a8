import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { MockGroup, MockOrganizationName } from "../../../testHelpers/entities";
import { mockBackend, mockSignIn } from "../../../testHelpers/handlers";
import { renderApp } from "../../../testHelpers/renderApp";
import { recordRequests, server } from "../../../testHelpers/server";
import {
  BUDGET_LABEL,
  budgetPath,
  confirmSaveQuestion,
  openSettings,
  settingsPath,
  writes,
  type SettingsApp,
} from "../../../testHelpers/settingsPage";

/** The failure is told twice: a toast, and a banner in the form that stays until the next save. */
async function expectSaveProblem(title: string, detail: RegExp) {
  const form = screen.getByRole("form", { name: "Group settings" });
  const banner = (await within(form).findByText(title)).closest('[role="alert"]');
  expect(banner).toHaveTextContent(title);
  expect(banner).toHaveTextContent(detail);
  const toasts = screen.getByRole("region", { name: /Notifications/ });
  expect(within(toasts).getByText(title)).toBeInTheDocument();
}

const replaceBudget = (app: SettingsApp, text: string) => app.type(BUDGET_LABEL, text);

describe("GroupSettingsPage: loading", () => {
  it("shows a spinner, then the saved budget and the group-wide maximum", async () => {
    renderApp(settingsPath);
    expect(screen.getByRole("status")).toBeInTheDocument();
    const input = await screen.findByLabelText(BUDGET_LABEL);
    expect(input).toHaveValue("1000");
    expect(screen.getByRole("heading", { name: "AI budget" })).toBeInTheDocument();
    expect(screen.getByText("$7,000.00/month maximum, based on 7 members.")).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription("$7,000.00/month maximum, based on 7 members.");
  });

  it("reads a 404 budget as no budget: an empty input and the uncapped helper", async () => {
    mockBackend.budgets.clear();
    const { input } = await openSettings();
    expect(input).toHaveValue("");
    expect(screen.getByText("Leave empty for uncapped spend.")).toBeInTheDocument();
  });

  it("shows an error with Retry, not a form, when the budget fails to load", async () => {
    server.use(http.get(budgetPath, () => HttpResponse.json({ message: "Database is on fire." }, { status: 500 })));
    const { user } = renderApp(settingsPath);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not load the AI budget.");
    expect(alert).toHaveTextContent("Database is on fire.");
    expect(screen.queryByLabelText(BUDGET_LABEL)).not.toBeInTheDocument();
    server.resetHandlers();
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await screen.findByLabelText(BUDGET_LABEL)).toHaveValue("1000");
  });

  it("sends no budget request and shows no AI text when the deployment is not entitled", async () => {
    mockBackend.aiEntitled = false;
    const seen = recordRequests();
    renderApp(settingsPath);
    expect(await screen.findByLabelText("Name")).toHaveValue("developers");
    expect(screen.queryByText(/AI/)).not.toBeInTheDocument();
    expect(seen.some((r) => r.path.includes("/ai/"))).toBe(false);
  });

  it("shows the values read-only, with no Save, to someone who may not update the group", async () => {
    mockSignIn("member");
    const { input } = await openSettings();
    expect(input).toHaveAttribute("readonly");
    expect(screen.getByLabelText("Name")).toHaveAttribute("readonly");
    expect(screen.queryByRole("button", { name: "Save" })).not.toBeInTheDocument();
    expect(screen.getByRole("note")).toHaveTextContent("only an administrator can change them");
  });
});

describe("GroupSettingsPage: helper text", () => {
  it("recomputes the maximum as the admin types, and says plainly that 0 disables AI", async () => {
    const app = await openSettings();
    await replaceBudget(app, "25");
    expect(screen.getByText("$175.00/month maximum, based on 7 members.")).toBeInTheDocument();
    await replaceBudget(app, "0");
    expect(app.input).toHaveAccessibleDescription(/\$0\.00\/month maximum, based on 7 members\./);
    expect(app.input).toHaveAccessibleDescription(/AI access is disabled for this group's members/);
    await replaceBudget(app, "");
    expect(app.input).toHaveAccessibleDescription("Leave empty for uncapped spend.");
  });

  it("says 1 member, singular", async () => {
    const contractors = mockBackend.groups.find((g) => g.total_member_count === 1)!;
    const { user } = renderApp(`/organizations/${MockOrganizationName}/groups/${contractors.name}/settings`);
    const input = await screen.findByLabelText(BUDGET_LABEL);
    expect(input).toHaveValue("");
    await user.type(input, "12.5");
    expect(input).toHaveAccessibleDescription("$12.50/month maximum, based on 1 member.");
  });
});

describe("GroupSettingsPage: saving", () => {
  it("sends PUT with the exact micros for a changed budget, and no PATCH", async () => {
    const app = await openSettings();
    const seen = recordRequests();
    await replaceBudget(app, "19.99");
    await app.user.click(screen.getByRole("button", { name: "Save" }));
    await confirmSaveQuestion(app.user); // below what bob spent: it blocks him
    await waitFor(() => expect(app.location()).toBe(`/organizations/coder/groups/developers`));
    expect(writes(seen)).toEqual([{ method: "PUT", path: budgetPath, body: { spend_limit_micros: 19_990_000 } }]);
    expect(await screen.findByText("Saved the AI budget.")).toBeInTheDocument();
  });

  it("sends DELETE when the admin empties the budget", async () => {
    const app = await openSettings();
    const seen = recordRequests();
    await replaceBudget(app, "");
    await app.user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(app.location()).toBe(`/organizations/coder/groups/developers`));
    expect(writes(seen)).toEqual([{ method: "DELETE", path: budgetPath, body: undefined }]);
    expect(mockBackend.budgets.has(MockGroup.id)).toBe(false);
  });

  it("asks before turning AI off with 0, naming the consequence; Go back (first, focused) sends nothing", async () => {
    const app = await openSettings();
    const seen = recordRequests();
    await replaceBudget(app, "0");
    await app.user.click(screen.getByRole("button", { name: "Save" }));
    const question = await screen.findByRole("alertdialog", { name: "Turn AI off for this group?" });
    expect(question).toHaveAccessibleDescription(
      "A budget of $0.00 blocks AI for the 7 members of this group from the moment it is saved, unless another group or a per-user override gives them a budget.",
    );
    expect(
      within(question)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(["Go back", "Turn AI off"]);
    expect(within(question).getByRole("button", { name: "Go back" })).toHaveFocus();
    await app.user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(app.input).toHaveValue("0");
    expect(writes(seen)).toEqual([]);
  });

  it("sends PUT 0 for 0 once confirmed", async () => {
    const app = await openSettings();
    const seen = recordRequests();
    await replaceBudget(app, "0");
    await app.user.click(screen.getByRole("button", { name: "Save" }));
    await app.user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Turn AI off" }));
    await waitFor(() => expect(app.location()).toBe(`/organizations/coder/groups/developers`));
    expect(writes(seen)).toEqual([{ method: "PUT", path: budgetPath, body: { spend_limit_micros: 0 } }]);
  });

  it("asks before a budget that blocks members at once, naming them; Go back (first, focused) sends nothing and keeps the value", async () => {
    const app = await openSettings();
    await waitFor(() => expect(app.queryClient.isFetching()).toBe(0));
    const seen = recordRequests();
    await replaceBudget(app, "20");
    await app.user.click(screen.getByRole("button", { name: "Save" }));
    // carol is blocked by the saved $1,000 already: only the four this blocks are counted.
    const question = await screen.findByRole("alertdialog", { name: "Block 4 members now?" });
    expect(question).toHaveAccessibleDescription(
      "alice, bob, dave and 1 more have already spent $20.00 or more this month. Saving blocks their AI use from the moment it is saved until December 1, unless another group or a per-user override gives them a budget.",
    );
    expect(
      within(question)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(["Go back", "Save and block 4 members"]);
    expect(within(question).getByRole("button", { name: "Go back" })).toHaveFocus();
    await app.user.click(within(question).getByRole("button", { name: "Go back" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(app.input).toHaveValue("20");
    expect(app.location()).toBe(settingsPath);
    expect(writes(seen)).toEqual([]);
  });

  it("sends one PUT for a blocking budget once confirmed", async () => {
    const app = await openSettings();
    await waitFor(() => expect(app.queryClient.isFetching()).toBe(0));
    const seen = recordRequests();
    await replaceBudget(app, "500");
    await app.user.click(screen.getByRole("button", { name: "Save" }));
    const question = await screen.findByRole("alertdialog", { name: "Block 1 member now?" });
    expect(question).toHaveAccessibleDescription(/^bob has already spent \$500\.00 or more this month\./);
    await app.user.click(within(question).getByRole("button", { name: "Save and block 1 member" }));
    await waitFor(() => expect(app.location()).toBe(`/organizations/coder/groups/developers`));
    expect(writes(seen)).toEqual([{ method: "PUT", path: budgetPath, body: { spend_limit_micros: 500_000_000 } }]);
  });

  it("asks nothing while the members' spend is not loaded: the save goes as before", async () => {
    server.use(http.get("*/api/v2/groups/:groupId/members/ai/spend", () => new Promise<never>(() => {})));
    const app = await openSettings();
    const seen = recordRequests();
    await replaceBudget(app, "20");
    await app.user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(app.location()).toBe(`/organizations/coder/groups/developers`));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(writes(seen)).toEqual([{ method: "PUT", path: budgetPath, body: { spend_limit_micros: 20_000_000 } }]);
  });

  it("offers Save only once something changed, and again not once it is typed back", async () => {
    const app = await openSettings();
    const save = screen.getByRole("button", { name: "Save" });
    expect(save).toBeDisabled();
    await replaceBudget(app, "12");
    expect(save).toBeEnabled();
    await replaceBudget(app, "1000");
    await waitFor(() => expect(save).toBeDisabled());
  });

  it("sends the rename and the budget together, and lands on the renamed group", async () => {
    const app = await openSettings();
    const seen = recordRequests();
    await app.user.clear(screen.getByLabelText("Name"));
    await app.user.type(screen.getByLabelText("Name"), "platform");
    await replaceBudget(app, "25");
    await app.user.click(screen.getByRole("button", { name: "Save" }));
    await confirmSaveQuestion(app.user); // below what bob spent: it blocks him
    await waitFor(() => expect(app.location()).toBe(`/organizations/coder/groups/platform`));
    expect(writes(seen)).toEqual(
      expect.arrayContaining([
        {
          method: "PATCH",
          path: `/api/v2/groups/${MockGroup.id}`,
          body: { name: "platform", add_users: [], remove_users: [] },
        },
        { method: "PUT", path: budgetPath, body: { spend_limit_micros: 25_000_000 } },
      ]),
    );
    expect(writes(seen)).toHaveLength(2);
    expect(await screen.findByText("Saved the group settings and the AI budget.")).toBeInTheDocument();
  });

  it("keeps the typed budget and moves to the new name when the rename saved but the budget failed", async () => {
    server.use(
      http.put(budgetPath, () => HttpResponse.json({ message: "Budget store unavailable." }, { status: 500 }), {
        once: true,
      }),
    );
    const app = await openSettings();
    const seen = recordRequests();
    await app.user.clear(screen.getByLabelText("Name"));
    await app.user.type(screen.getByLabelText("Name"), "platform");
    await replaceBudget(app, "25");
    await app.user.click(screen.getByRole("button", { name: "Save" }));
    await confirmSaveQuestion(app.user); // below what bob spent: it blocks him

    await expectSaveProblem(
      "Failed to update the AI budget.",
      /The group settings were saved\. Budget store unavailable\./,
    );
    await waitFor(() => expect(app.location()).toBe(`/organizations/coder/groups/platform/settings`));
    expect(screen.getByLabelText(BUDGET_LABEL)).toHaveValue("25");
    expect(screen.getByLabelText("Name")).toHaveValue("platform");

    seen.length = 0;
    await app.user.click(screen.getByRole("button", { name: "Save" }));
    await confirmSaveQuestion(app.user); // below what bob spent: it blocks him
    await waitFor(() => expect(app.location()).toBe(`/organizations/coder/groups/platform`));
    expect(writes(seen)).toEqual([{ method: "PUT", path: budgetPath, body: { spend_limit_micros: 25_000_000 } }]);
  });

  it("shows a taken name on the name field when the group failed but the budget saved", async () => {
    const app = await openSettings();
    await app.user.clear(screen.getByLabelText("Name"));
    await app.user.type(screen.getByLabelText("Name"), "contractors");
    await replaceBudget(app, "30");
    await app.user.click(screen.getByRole("button", { name: "Save" }));
    await confirmSaveQuestion(app.user); // below what bob spent: it blocks him
    await expectSaveProblem('Failed to update group "developers".', /The AI budget was saved\./);
    const name = screen.getByLabelText("Name");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription("This name is already taken.");
    expect(app.location()).toBe(settingsPath);
    expect(mockBackend.budgets.get(MockGroup.id)?.spend_limit_micros).toBe(30_000_000);
    expect(screen.getByLabelText(BUDGET_LABEL)).toHaveValue("30");
  });

  it("saves once for a double click", async () => {
    const app = await openSettings();
    const seen = recordRequests();
    await replaceBudget(app, "42");
    await app.user.dblClick(screen.getByRole("button", { name: "Save" }));
    // $42 blocks members at once: the question comes first, and its action is double-clicked too.
    const question = await screen.findByRole("alertdialog", { name: /^Block/ });
    await app.user.dblClick(within(question).getByRole("button", { name: /^Save and block/ }));
    await waitFor(() => expect(app.location()).toBe(`/organizations/coder/groups/developers`));
    expect(writes(seen)).toHaveLength(1);
  });
});

describe("GroupSettingsPage: invalid input", () => {
  it.each(["-5", "abc", "1e3", "0.0000001", "1000000.01", "$25", "1,000"])(
    "shows a message for %j, marks the input invalid, and sends nothing on Save",
    async (text) => {
      const app = await openSettings();
      const seen = recordRequests();
      await replaceBudget(app, text);
      const message = screen.getByRole("alert");
      expect(message).toHaveTextContent(/Enter/);
      expect(app.input).toHaveAttribute("aria-invalid", "true");
      expect(app.input).toHaveAccessibleDescription(message.textContent!);
      await app.user.click(screen.getByRole("button", { name: "Save" }));
      expect(app.location()).toBe(settingsPath);
      expect(writes(seen)).toEqual([]);
    },
  );

  it("uses Coder's words for an amount above the maximum", async () => {
    const app = await openSettings();
    await replaceBudget(app, "1000000.01");
    expect(screen.getByRole("alert")).toHaveTextContent("Enter an amount between 0 and $1,000,000.");
  });
});

describe("GroupSettingsPage: session", () => {
  it("sends the admin to sign in when the session has ended, and back afterwards", async () => {
    mockBackend.signedIn = false;
    const app = renderApp(settingsPath);
    await screen.findByRole("heading", { name: "Sign in" });
    expect(app.router.state.location.search).toBe(`?redirect=${encodeURIComponent(settingsPath)}`);
    await app.user.type(screen.getByLabelText("Email"), "admin@example.com");
    await app.user.type(screen.getByLabelText("Password"), "SomeSecurePassword!");
    await app.user.click(screen.getByRole("button", { name: "Sign In" }));
    expect(await screen.findByLabelText(BUDGET_LABEL)).toHaveValue("1000");
    expect(app.location()).toBe(settingsPath);
  });
});
