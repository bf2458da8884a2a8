// Changing a group's members from the members tab, through the network edge:
// search in the URL, Add users (several in one PATCH, after saying what joining
// does to budgets), Remove (after saying what leaving does), and who is offered what.
import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { MockGroup, MockOtherGroupId } from "../../../testHelpers/entities";
import { mockAddGroup, mockAddUsers, mockBackend, mockSignIn } from "../../../testHelpers/handlers";
import { renderApp } from "../../../testHelpers/renderApp";
import { recordRequests, server } from "../../../testHelpers/server";

const newcomer = (username: string, n: number) => ({
  id: `00000000-0000-4000-8000-0000000009${String(n).padStart(2, "0")}`,
  username,
  email: `${username}@example.com`,
  name: username,
  avatar_url: "",
  status: "active" as const,
  created_at: "2026-02-01T00:00:00.000Z",
});
const developers = () => mockBackend.groups.find((g) => g.id === MockGroup.id)!;

describe("the members tab's search", () => {
  it("asks the server for the matches, and keeps the search in the URL", async () => {
    const seen = recordRequests();
    const { user, router } = renderApp("/organizations/coder/groups/developers");
    await screen.findByText("bob");
    await user.type(screen.getByRole("searchbox", { name: "Search members" }), "car");
    await waitFor(() => expect(router.state.location.search).toBe("?search=car"));
    await waitFor(() => expect(screen.queryByText("bob")).not.toBeInTheDocument());
    expect(screen.getByText("carol")).toBeInTheDocument();
    expect(screen.getByText("Showing 1–1 of 1 members")).toBeInTheDocument();
    expect(seen.some((r) => r.path === `/api/v2/groups/${MockGroup.id}/members`)).toBe(true);
  });

  it("still finds members on a deployment without the paged members route, asking for it only once", async () => {
    server.use(
      http.get("*/api/v2/groups/:group/members", () =>
        HttpResponse.json({ message: "Route not found." }, { status: 404 }),
      ),
    );
    const seen = recordRequests();
    const { user } = renderApp("/organizations/coder/groups/developers");
    await screen.findByText("bob");
    const search = screen.getByRole("searchbox", { name: "Search members" });
    await user.type(search, "car");
    await waitFor(() => expect(screen.queryByText("bob")).not.toBeInTheDocument());
    expect(screen.getByText("carol")).toBeInTheDocument();
    expect(screen.getByText("Showing 1–1 of 1 members")).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, "status:suspended");
    expect(await screen.findByText('No members match "status:suspended".')).toBeInTheDocument();
    // A filter the route would refuse is refused here too, with its words.
    await user.clear(search);
    await user.type(search, "colour:red");
    expect(await screen.findByText(/Invalid user search query\./)).toBeInTheDocument();
    expect(seen.filter((r) => r.path === `/api/v2/groups/${MockGroup.id}/members`)).toHaveLength(1);
  });

  it("opens on the page and search the URL carries", async () => {
    renderApp("/organizations/coder/groups/developers?search=nobody");
    expect(await screen.findByText('No members match "nobody".')).toBeInTheDocument();
    expect(screen.getByRole("searchbox", { name: "Search members" })).toHaveValue("nobody");
  });
});

describe("Add users", () => {
  it("adds the chosen users in one PATCH, after saying what joining does to each budget", async () => {
    mockAddUsers([newcomer("grace", 1), newcomer("heidi", 2)]);
    mockAddGroup({ id: MockOtherGroupId, name: "platform", members: ["grace"], budgetMicros: 2_000_000_000 });
    const seen = recordRequests();
    const { user } = renderApp("/organizations/coder/groups/developers");
    await user.click(await screen.findByRole("button", { name: "Add users" }));
    const dialog = within(await screen.findByRole("dialog", { name: "Add users" }));
    await user.click(await dialog.findByRole("checkbox", { name: /^heidi / }));
    await user.click(dialog.getByRole("checkbox", { name: /^grace / }));
    expect(await dialog.findByText("heidi: Unlimited → $1,000.00 (this group)")).toBeInTheDocument();
    expect(await dialog.findByText("grace: no change: $2,000.00 (platform) is higher")).toBeInTheDocument();
    await user.click(dialog.getByRole("button", { name: "Add 2 users" }));
    expect(await screen.findByText("Added heidi, grace to developers.")).toBeInTheDocument();
    expect(seen.filter((r) => r.method === "PATCH")).toEqual([
      {
        method: "PATCH",
        path: `/api/v2/groups/${MockGroup.id}`,
        body: { add_users: [newcomer("heidi", 2).id, newcomer("grace", 1).id], remove_users: [] },
      },
    ]);
    expect(developers().members.map((m) => m.username)).toContain("heidi");
    expect(await screen.findByText("heidi")).toBeInTheDocument();
  });

  it("is not offered for the Everyone group, nor to a member without admin rights", async () => {
    renderApp("/organizations/coder/groups/Everyone");
    await screen.findByText("bob@example.com");
    expect(screen.queryByRole("button", { name: "Add users" })).not.toBeInTheDocument();
  });
});

describe("Remove", () => {
  it("removes the member after saying what governs them afterwards", async () => {
    const { user } = renderApp("/organizations/coder/groups/developers");
    await screen.findByRole("progressbar", { name: "AI spend of bob" });
    await user.click(screen.getByRole("button", { name: "Actions for bob" }));
    await user.click(await screen.findByRole("menuitem", { name: "Remove" }));
    const dialog = within(await screen.findByRole("alertdialog", { name: "Remove bob from developers?" }));
    expect(await dialog.findByText(/This group's \$1,000\.00 budget governs them now\./)).toBeInTheDocument();
    await user.click(dialog.getByRole("button", { name: "Remove" }));
    expect(await screen.findByText("Removed bob from developers.")).toBeInTheDocument();
    expect(developers().members.map((m) => m.username)).not.toContain("bob");
    await waitFor(() => expect(screen.queryByText("bob@example.com")).not.toBeInTheDocument());
  });

  it("is not offered to a plain member", async () => {
    mockSignIn("bob");
    renderApp("/organizations/coder/groups/developers");
    await screen.findByText("bob@example.com");
    expect(screen.queryByRole("button", { name: /^Actions for / })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add users" })).not.toBeInTheDocument();
  });
});
