import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MockGroup, MockMembers } from "../../../testHelpers/entities";
import { mockBackend, mockSetOverride, mockSignIn } from "../../../testHelpers/handlers";
import { renderApp } from "../../../testHelpers/renderApp";
import { http, HttpResponse } from "msw";
import { recordRequests, server } from "../../../testHelpers/server";

const frank = MockMembers.find((m) => m.username === "frank")!;

async function openDialog() {
  const app = renderApp(`/organizations/coder/groups/${MockGroup.name}`);
  await app.user.click(await screen.findByRole("button", { name: "Actions for frank" }));
  await app.user.click(await screen.findByRole("menuitem", { name: "Manage AI budget" }));
  const dialog = await screen.findByRole("dialog", { name: "AI budget of Frank" });
  await within(dialog).findByRole("checkbox", { name: "Override group budget" });
  return { ...app, dialog: within(dialog) };
}

describe("the per-member override dialog", () => {
  it("sets a custom budget charged to a group, and the member's row says so", async () => {
    const { user, dialog } = await openDialog();
    const seen = recordRequests();
    await user.click(dialog.getByRole("checkbox", { name: "Override group budget" }));
    await user.type(dialog.getByLabelText("Custom monthly budget"), "9000");
    expect(dialog.getByRole("combobox", { name: "Budget assigned to" })).toHaveValue(MockGroup.id);
    await user.click(dialog.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(seen.filter((r) => r.method === "PUT")).toEqual([
      {
        method: "PUT",
        path: `/api/v2/users/${frank.id}/ai/budget/override`,
        body: { group_id: MockGroup.id, spend_limit_micros: 9_000_000_000 },
      },
    ]);
    const row = within(screen.getByText("frank").closest("tr")!);
    expect(await row.findByText("Custom limit $9,000.00")).toBeInTheDocument();
  });

  it("refuses a bad amount with the same message as the group budget, and sends nothing", async () => {
    const { user, dialog } = await openDialog();
    const seen = recordRequests();
    await user.click(dialog.getByRole("checkbox", { name: "Override group budget" }));
    await user.type(dialog.getByLabelText("Custom monthly budget"), "1000001");
    await user.click(dialog.getByRole("button", { name: "Save" }));
    expect(dialog.getByRole("alert")).toHaveTextContent("Enter an amount between 0 and $1,000,000.");
    expect(dialog.getByLabelText("Custom monthly budget")).toHaveAttribute("aria-invalid", "true");
    expect(seen.filter((r) => r.method !== "GET" && r.path !== "/api/v2/authcheck")).toEqual([]);
  });

  it("shows a bad amount's message once the admin leaves the field, before any Save", async () => {
    const { user, dialog } = await openDialog();
    await user.click(dialog.getByRole("checkbox", { name: "Override group budget" }));
    await user.type(dialog.getByLabelText("Custom monthly budget"), "1000001");
    expect(dialog.queryByRole("alert")).not.toBeInTheDocument();
    await user.tab();
    expect(dialog.getByRole("alert")).toHaveTextContent("Enter an amount between 0 and $1,000,000.");
    // A character no amount has is refused as it is typed.
    await user.clear(dialog.getByLabelText("Custom monthly budget"));
    await user.type(dialog.getByLabelText("Custom monthly budget"), "1e3");
    expect(dialog.getByLabelText("Custom monthly budget")).toHaveAttribute("aria-invalid", "true");
  });

  it("says what the member has spent against which limit, and its close button sends nothing", async () => {
    mockSetOverride("frank", MockGroup.id, 5_000_000);
    const { user } = await openDialog();
    const dialog = screen.getByRole("dialog", { name: "AI budget of Frank" });
    expect(dialog).toHaveAccessibleDescription("Frank has spent $0.00 this month against a custom limit of $5.00.");
    const seen = recordRequests();
    await user.click(within(dialog).getByRole("button", { name: "Close dialog" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(seen.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("removes the override when unchecked", async () => {
    mockSetOverride("frank", MockGroup.id, 5_000_000);
    const { user, dialog } = await openDialog();
    expect(dialog.getByRole("checkbox", { name: "Override group budget" })).toBeChecked();
    expect(dialog.getByLabelText("Custom monthly budget")).toHaveValue("5");
    const seen = recordRequests();
    await user.click(dialog.getByRole("checkbox", { name: "Override group budget" }));
    await user.click(dialog.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(seen.filter((r) => r.method === "DELETE")).toHaveLength(1));
    expect(mockBackend.overrides.has(frank.id)).toBe(false);
  });

  it("is open to a User Admin", async () => {
    mockBackend.users.push({
      ...frank,
      id: "00000000-0000-4000-8000-0000000000aa",
      username: "uma",
      email: "uma@example.com",
      site_roles: ["user-admin"],
    });
    mockSignIn("uma");
    const { dialog } = await openDialog();
    expect(dialog.getByRole("checkbox", { name: "Override group budget" })).toBeEnabled();
    expect(dialog.getByRole("button", { name: "Save" })).toBeInTheDocument();
  });

  it("is read-only for an organization admin, who may not update users", async () => {
    mockSignIn("orgadmin");
    const { dialog } = await openDialog();
    expect(dialog.getByRole("note")).toHaveTextContent(
      "Only an Owner or a User Admin can change a member's AI budget.",
    );
    expect(dialog.getByRole("checkbox", { name: "Override group budget" })).toBeDisabled();
    expect(dialog.queryByRole("button", { name: "Save" })).not.toBeInTheDocument();
  });
});

describe("the override read", () => {
  it("says so when the deployment refuses it, rather than showing no override", async () => {
    server.use(
      http.get("*/api/v2/users/:user/ai/budget/override", () =>
        HttpResponse.json({ message: "Forbidden." }, { status: 403 }),
      ),
    );
    const app = renderApp(`/organizations/coder/groups/${MockGroup.name}`);
    await app.user.click(await screen.findByRole("button", { name: "Actions for frank" }));
    await app.user.click(await screen.findByRole("menuitem", { name: "Manage AI budget" }));
    const dialog = within(await screen.findByRole("dialog", { name: "AI budget of Frank" }));
    expect(await dialog.findByRole("alert")).toHaveTextContent("You may not see Frank's AI budget override.");
    expect(dialog.queryByRole("checkbox")).not.toBeInTheDocument();
  });
});
