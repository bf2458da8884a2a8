// AI spend as the admin sees it: the groups list, the members tab, and the
// preview of a new budget's impact on the settings page.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ReducedUser } from "../../../core/types";
import { MockGroup, MockMembers, MockOtherGroupId, MockOtherOrganizationId } from "../../testHelpers/entities";
import {
  mockAddGroup,
  mockAddOrganization,
  mockAddUsers,
  mockBackend,
  mockChargeSpend,
  mockSetOverride,
  mockSignIn,
} from "../../testHelpers/handlers";
import { renderApp } from "../../testHelpers/renderApp";
import { http, HttpResponse } from "msw";
import { recordRequests, server } from "../../testHelpers/server";
import { confirmSaveQuestion } from "../../testHelpers/settingsPage";

/** frank's own budget, charged to developers; erin in a second group with a higher budget. */
function governedElsewhere(erinUsd = 2_000) {
  mockSetOverride("frank", MockGroup.id, 9_000_000_000);
  mockAddGroup({ id: MockOtherGroupId, name: "platform", members: ["erin"], budgetMicros: erinUsd * 1_000_000 });
}

describe("the groups list", () => {
  it("shows the spend charged to each group this month against the limit of the members it governs", async () => {
    renderApp("/organizations/coder/groups");
    const row = (await screen.findByRole("link", { name: "Developers" })).closest("tr")!;
    await waitFor(() => expect(within(row).getByText("$2,377.49 / $7,000.00")).toBeInTheDocument());
    // alice's spend was charged to developers, which governs her: none to contractors.
    const contractors = screen.getByRole("link", { name: "Contractors" }).closest("tr")!;
    expect(within(contractors).getByText("$0.00 / Unlimited")).toBeInTheDocument();
  });

  it("counts an override at its own limit, and a member another group governs not at all", async () => {
    governedElsewhere();
    mockChargeSpend("erin", MockOtherGroupId, 150_000_000);
    renderApp("/organizations/coder/groups");
    const row = (await screen.findByRole("link", { name: "Developers" })).closest("tr")!;
    // Five members at $1,000, frank's $9,000 override; erin counts in platform.
    await waitFor(() => expect(within(row).getByText("$2,377.49 / $14,000.00")).toBeInTheDocument());
    const platform = screen.getByRole("link", { name: "platform" }).closest("tr")!;
    expect(within(platform).getByText("$150.00 / $2,000.00")).toBeInTheDocument();
  });

  it("has no AI column and asks for no spend when the deployment is not entitled", async () => {
    mockBackend.aiEntitled = false;
    const seen = recordRequests();
    renderApp("/organizations/coder/groups");
    await screen.findByRole("link", { name: "Developers" });
    expect(screen.queryByRole("columnheader", { name: "AI budget" })).not.toBeInTheDocument();
    expect(seen.some((r) => r.path.includes("/ai/"))).toBe(false);
  });
});

describe("the members tab", () => {
  it("shows each member's spend against the budget that governs them, and the period", async () => {
    governedElsewhere();
    renderApp("/organizations/coder/groups/developers");
    const bob = await screen.findByRole("progressbar", { name: "AI spend of bob" });
    expect(bob).toHaveAttribute("aria-valuenow", "87");
    expect(bob).toHaveAttribute("aria-valuetext", "$870.00 of $1,000.00 (87%), near the limit");
    const carolRow = screen.getByText("carol").closest("tr")!;
    expect(within(carolRow).getByText("Over the limit")).toBeInTheDocument();
    expect(within(carolRow).getByText("Group limit $1,000.00")).toBeInTheDocument();
    expect(within(screen.getByText("frank").closest("tr")!).getByText("Custom limit $9,000.00")).toBeInTheDocument();
    const erin = within(screen.getByText("erin").closest("tr")!);
    expect(erin.getByText("Budget managed by another group")).toBeInTheDocument();
    expect(await erin.findByRole("link", { name: "platform" })).toHaveAttribute(
      "href",
      "/organizations/coder/groups/platform",
    );
    expect(erin.getByText("$0.00")).toBeInTheDocument();
    expect(erin.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(
      screen.getByText(/AI budget period: November 1 – December 1, 2026 \(UTC\)\. Spend is approximate/),
    ).toBeInTheDocument();
  });

  it("shows a member governed in another organization without a limit, and says why", async () => {
    mockAddOrganization({ id: MockOtherOrganizationId, name: "research", members: ["dave"] });
    mockAddGroup({
      id: MockOtherGroupId,
      name: "gpu-lab",
      members: ["dave"],
      budgetMicros: 5_000_000_000,
      organizationId: MockOtherOrganizationId,
    });
    renderApp("/organizations/coder/groups/developers");
    await screen.findByRole("progressbar", { name: "AI spend of bob" });
    const dave = within(screen.getByText("dave").closest("tr")!);
    expect(dave.getByText("Managed by a group in another organization, which is not shown here.")).toBeInTheDocument();
    expect(dave.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(dave.queryByText(/\$/)).not.toBeInTheDocument();
  });

  it("shows a member with no budget anywhere as Everyone, not allocated", async () => {
    setNoBudget();
    renderApp("/organizations/coder/groups/developers");
    const bob = within((await screen.findByText("bob")).closest("tr")!);
    expect(await bob.findByText("Everyone (not allocated)")).toBeInTheDocument();
    expect(bob.getByText("$870.00 / Unlimited")).toBeInTheDocument();
  });

  it("offers the row actions (Manage AI budget) only to those who may update the group, and shows a member only their own row", async () => {
    mockSignIn("member");
    renderApp("/organizations/coder/groups/developers");
    expect(await screen.findByRole("progressbar", { name: "AI spend of member" })).toBeInTheDocument();
    expect(screen.queryByRole("progressbar", { name: "AI spend of bob" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Actions for/ })).not.toBeInTheDocument();
  });

  it("asks only for the spend of the members on screen, and the next page's ahead", async () => {
    const { seen } = addMembers(250);
    const { user } = renderApp("/organizations/coder/groups/developers");
    expect(await screen.findByRole("progressbar", { name: "AI spend of user024" })).toHaveAttribute(
      "aria-valuetext",
      "$24.00 of $1,000.00 (2%)",
    );
    expect(screen.getByText("Page 1 of 10")).toBeInTheDocument();
    const spendRequests = () => seen.filter((r) => r.path.endsWith("/members/ai/spend"));
    // The second page and its spend are read ahead: Next shows them at once.
    await waitFor(() => expect(spendRequests()).toHaveLength(2));
    // The group as read lists every member (as Coder's does): its pages are cut from it, not asked for.
    const membersPages = () => seen.filter((r) => r.path.endsWith(`/groups/${MockGroup.id}/members`));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("progressbar", { name: "AI spend of user049" })).toHaveAttribute(
      "aria-valuetext",
      "$49.00 of $1,000.00 (4%)",
    );
    // The third page and its spend, ahead again; never the other 175 members'.
    await waitFor(() => expect(spendRequests()).toHaveLength(3));
    expect(membersPages()).toHaveLength(0);
  });
});

function addMembers(count: number) {
  const many: ReducedUser[] = Array.from({ length: count }, (_, i) => ({
    ...MockMembers[0]!,
    id: `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`,
    // Zero-padded: Coder's order (by username) is the order they were made in.
    username: `user${String(i).padStart(3, "0")}`,
    name: `User ${i}`,
  }));
  mockAddUsers(many);
  Object.assign(mockBackend.groups[0]!, { members: many, total_member_count: many.length });
  mockBackend.spend = many.map((m, i) => ({ user_id: m.id, group_id: MockGroup.id, micros: i * 1_000_000 }));
  return { many, seen: recordRequests() };
}

function setNoBudget() {
  mockBackend.budgets.clear();
  mockBackend.versions.clear();
}

describe("the impact preview", () => {
  it("reads every member's spend in batches of at most 100 ids, merged", async () => {
    const { seen } = addMembers(250);
    const { user } = renderApp("/organizations/coder/groups/developers/settings");
    const input = await screen.findByLabelText("Monthly budget per member (USD)");
    await user.clear(input);
    await user.type(input, "200");
    expect(await screen.findByText(/will be blocked/)).toHaveTextContent(
      "50 of 250 members have already spent $200.00 or more",
    );
    const spendRequests = seen.filter((r) => r.path.endsWith("/members/ai/spend"));
    expect(spendRequests).toHaveLength(3);
  });

  it("says, as the admin types, how many members the new budget would block at once", async () => {
    mockSetOverride("frank", MockGroup.id, 9_000_000_000);
    const { user } = renderApp("/organizations/coder/groups/developers/settings");
    const input = await screen.findByLabelText("Monthly budget per member (USD)");
    await user.clear(input);
    await user.type(input, "25");
    const preview = await screen.findByText(/will be blocked/);
    // carol is blocked by the saved $1,000 already: only the change is counted, and each member it blocks is named.
    expect(preview).toHaveTextContent(
      "3 of 6 members have already spent $25.00 or more this month and will be blocked until December 1.",
    );
    const blocked = screen.getByRole("list", { name: "Members this blocks" });
    expect(
      within(blocked)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "alice$120.00 spent · limit $1,000.00 → $25.00",
      "bob$870.00 spent · limit $1,000.00 → $25.00",
      "member$312.50 spent · limit $1,000.00 → $25.00",
    ]);
    expect(
      screen.getByText("1 member is governed by another group or a per-user override and is not affected."),
    ).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, "5000");
    expect(await screen.findByText("No member has spent $5,000.00 yet this month.")).toBeInTheDocument();
    expect(
      screen.getByText("carol is blocked now and can use AI again: under $5,000.00 this month."),
    ).toBeInTheDocument();
    // Typed back to what is saved: nothing changes, nothing is said.
    await user.clear(input);
    await user.type(input, "1000");
    await waitFor(() => expect(screen.queryByText(/What saving this does/)).not.toBeInTheDocument());
  });

  it("says what removing the budget does, and whom it frees", async () => {
    const { user } = renderApp("/organizations/coder/groups/developers/settings");
    const input = await screen.findByLabelText("Monthly budget per member (USD)");
    await waitFor(() => expect(screen.getByRole("button", { name: "Save" })).toBeDisabled());
    await user.clear(input);
    expect(await screen.findByText(/Without a budget this group limits no one/)).toBeInTheDocument();
    expect(
      screen.getByText("carol is blocked by this budget now and can use AI again, unless another budget limits them."),
    ).toBeInTheDocument();
    expect(screen.queryByText(/will be blocked/)).not.toBeInTheDocument();
  });
});

describe("after a budget change", () => {
  const spendReads = (seen: ReturnType<typeof recordRequests>) =>
    seen.filter((r) => r.path.endsWith("/members/ai/spend"));
  /** The ids each members'-spend request asks for, from now on. */
  function spendIdsAsked(): string[][] {
    const asked: string[][] = [];
    server.events.on("request:start", ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith("/members/ai/spend")) asked.push((url.searchParams.get("user_ids") ?? "").split(","));
    });
    return asked;
  }

  /** Saves a new budget once the settings page has read every member's spend; `then` changes the network after. */
  async function saveBudget(usd: string, then: () => void = () => {}) {
    const view = renderApp("/organizations/coder/groups/developers/settings");
    const input = await screen.findByLabelText("Monthly budget per member (USD)");
    await waitFor(() => expect(view.queryClient.isFetching()).toBe(0));
    await view.user.clear(input);
    await view.user.type(input, usd);
    then();
    const seen = recordRequests();
    await view.user.click(screen.getByRole("button", { name: "Save" }));
    // Below the $870 bob spent, the budget blocks him at once: that is confirmed first (no request of its own).
    if (Number(usd) < 870) await confirmSaveQuestion(view.user);
    await screen.findByRole("heading", { name: "Developers" });
    return { ...view, seen };
  }

  it("shows the members' spend against a raised limit at once, without asking the server again", async () => {
    mockAddGroup({ id: MockOtherGroupId, name: "platform", members: ["erin"], budgetMicros: 1_500_000_000 });
    const { seen, queryClient } = await saveBudget("2000");
    const bob = await screen.findByRole("progressbar", { name: "AI spend of bob" });
    expect(bob).toHaveAttribute("aria-valuetext", "$870.00 of $2,000.00 (43%)");
    // erin's other group ($1,500) no longer beats this one.
    expect(within(screen.getByText("erin").closest("tr")!).getByText("Group limit $2,000.00")).toBeInTheDocument();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(seen.map((r) => r.method)).toContain("PUT");
    expect(spendReads(seen)).toEqual([]);
  });

  it("asks again only for the members whose governing budget went down, showing them as updating", async () => {
    governedElsewhere();
    let answer: () => void = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    let asked: string[][] = [];
    const { seen } = await saveBudget("500", () => {
      server.use(http.get("*/api/v2/groups/:groupId/members/ai/spend", async () => void (await held), { once: true }));
      asked = spendIdsAsked();
    });
    await waitFor(() => expect(spendReads(seen)).toHaveLength(1));
    const governedHere = MockMembers.filter((m) => !["frank", "erin"].includes(m.username))
      .map((m) => m.id)
      .sort();
    expect(asked.map((ids) => [...ids].sort())).toEqual([governedHere]);
    // Until the answer comes, their rows say so rather than show the old limit.
    const bobRow = (await screen.findByText("bob")).closest("tr")!;
    expect(within(bobRow).getByText("Updating…")).toBeInTheDocument();
    expect(
      within(screen.getByText("erin").closest("tr")!).getByText("Budget managed by another group"),
    ).toBeInTheDocument();
    answer();
    const bob = await screen.findByRole("progressbar", { name: "AI spend of bob" });
    expect(bob).toHaveAttribute("aria-valuetext", "$870.00 of $500.00 (174%), over the limit");
    expect(spendReads(seen)).toHaveLength(1);
  });

  it("reads the whole page again if asking for the changed members fails", async () => {
    const { seen } = await saveBudget("500", () =>
      server.use(
        http.get(
          "*/api/v2/groups/:groupId/members/ai/spend",
          () => HttpResponse.json({ message: "boom" }, { status: 500 }),
          { once: true },
        ),
      ),
    );
    const bob = await screen.findByRole("progressbar", { name: "AI spend of bob" });
    await waitFor(() => expect(bob).toHaveAttribute("aria-valuetext", "$870.00 of $500.00 (174%), over the limit"));
    expect(spendReads(seen).length).toBeGreaterThanOrEqual(2);
    expect(screen.queryByText("Updating…")).not.toBeInTheDocument();
  });

  it("shows the first page of a larger group from what the settings page read, with no read of its own", async () => {
    addMembers(60);
    const { seen } = await saveBudget("2000");
    expect(await screen.findByRole("progressbar", { name: "AI spend of user024" })).toHaveAttribute(
      "aria-valuetext",
      "$24.00 of $2,000.00 (1%)",
    );
    expect(screen.getByText("Page 1 of 3")).toBeInTheDocument();
    expect(spendReads(seen)).toEqual([]);
  });

  it("still shows the members' spend when the save landed before the settings page's read answered", async () => {
    // The settings page's read of every member never answers; the next one does.
    server.use(
      http.get("*/api/v2/groups/:groupId/members/ai/spend", () => new Promise<never>(() => {}), { once: true }),
    );
    const { user } = renderApp("/organizations/coder/groups/developers/settings");
    const input = await screen.findByLabelText("Monthly budget per member (USD)");
    await user.clear(input);
    await user.type(input, "2000");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByRole("heading", { name: "Developers" });
    const bob = await screen.findByRole("progressbar", { name: "AI spend of bob" });
    expect(bob).toHaveAttribute("aria-valuetext", "$870.00 of $2,000.00 (43%)");
  });

  it("reads the spend again for the preview when a save that left the admin on the page cut its read short", async () => {
    server.use(
      http.get("*/api/v2/groups/:groupId/members/ai/spend", () => new Promise<never>(() => {}), { once: true }),
      http.patch("*/api/v2/groups/:groupId", () => HttpResponse.json({ message: "boom" }, { status: 500 })),
    );
    const { user } = renderApp("/organizations/coder/groups/developers/settings");
    const input = await screen.findByLabelText("Monthly budget per member (USD)");
    await user.clear(screen.getByLabelText("Display name"));
    await user.type(screen.getByLabelText("Display name"), "Devs");
    await user.clear(input);
    await user.type(input, "2000");
    await user.click(screen.getByRole("button", { name: "Save" }));
    // The budget saved, the rename did not: the form stays, and so does the preview.
    await waitFor(() => expect(mockBackend.budgets.get(MockGroup.id)?.spend_limit_micros).toBe(2_000_000_000));
    await screen.findAllByRole("alert");
    await user.clear(input);
    await user.type(input, "25");
    expect(await screen.findByText(/will be blocked/)).toHaveTextContent(
      "of 7 members have already spent $25.00 or more",
    );
  });
});

describe("the groups list after a budget save", () => {
  const groupsSpendReads = (seen: ReturnType<typeof recordRequests>) =>
    seen.filter((r) => r.path.endsWith("/groups/ai/spend"));

  async function saveFromTheList(usd: string, listedBefore: string) {
    const view = renderApp("/organizations/coder/groups");
    const row = (await screen.findByRole("link", { name: "Developers" })).closest("tr")!;
    await waitFor(() => expect(within(row).getByText(listedBefore)).toBeInTheDocument());
    await view.user.click(screen.getByRole("link", { name: "Settings of Developers" }));
    const input = await screen.findByLabelText("Monthly budget per member (USD)");
    await waitFor(() => expect(view.queryClient.isFetching()).toBe(0));
    await view.user.clear(input);
    await view.user.type(input, usd);
    const seen = recordRequests();
    await view.user.click(screen.getByRole("button", { name: "Save" }));
    // Below the $870 bob spent, the budget blocks him at once: that is confirmed first (no request of its own).
    if (Number(usd) < 870) await confirmSaveQuestion(view.user);
    await screen.findByRole("heading", { name: "Developers" });
    await view.user.click(
      within(screen.getByRole("navigation", { name: "Breadcrumb" })).getByRole("link", { name: "Groups" }),
    );
    return { ...view, seen, row: async () => (await screen.findByRole("link", { name: "Developers" })).closest("tr")! };
  }

  it("shows the new total at once when every member's row settles it, by Coder's rule", async () => {
    mockSetOverride("frank", MockGroup.id, 9_000_000_000);
    const { seen, row } = await saveFromTheList("2000", "$2,377.49 / $15,000.00");
    // Six members at $2,000 and frank's own $9,000.
    expect(within(await row()).getByText("$2,377.49 / $21,000.00")).toBeInTheDocument();
    expect(groupsSpendReads(seen)).toEqual([]);
  });

  it("asks the server for the total when the rows cannot settle it", async () => {
    mockAddGroup({ id: MockOtherGroupId, name: "platform", members: ["erin"], budgetMicros: 600_000_000 });
    const { seen, row } = await saveFromTheList("500", "$2,377.49 / $7,000.00");
    // erin's platform budget ($600) now beats developers' $500: six at $500.
    await waitFor(async () => expect(within(await row()).getByText("$2,377.49 / $3,000.00")).toBeInTheDocument());
    expect(groupsSpendReads(seen).length).toBeGreaterThan(0);
  });
});
