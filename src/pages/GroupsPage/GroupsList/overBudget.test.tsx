// Over budget at a glance: the groups list counts each group's members over
// their limit, by Coder's rule, for those who administer the groups.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MockGroup, MockSingleMemberGroup } from "../../../testHelpers/entities";
import { mockChargeSpend, mockSetOverride, mockSignIn } from "../../../testHelpers/handlers";
import { renderApp } from "../../../testHelpers/renderApp";
import { recordRequests } from "../../../testHelpers/server";

const rowOf = async (name: string) => within((await screen.findByRole("link", { name })).closest("tr")!);

describe("members over their limit on the groups list", () => {
  it("counts the members whose spend charged to the group reached their limit", async () => {
    renderApp("/organizations/coder/groups");
    const developers = await rowOf("Developers");
    // carol: $1,050 of $1,000.
    expect(await developers.findByText("1 member over their limit")).toBeInTheDocument();
    const contractors = await rowOf("Contractors");
    await waitFor(() => expect(contractors.getByText("$0.00 / Unlimited")).toBeInTheDocument());
    expect(contractors.queryByText(/over their limit/)).not.toBeInTheDocument();
  });

  it("counts an override charged to the group, a $0 one included", async () => {
    mockSetOverride("frank", MockGroup.id, 0);
    mockSetOverride("bob", MockGroup.id, 500_000_000);
    renderApp("/organizations/coder/groups");
    expect(await (await rowOf("Developers")).findByText("3 members over their limit")).toBeInTheDocument();
  });

  it("counts in a group without a budget of its own the overrides charged to it", async () => {
    const member = MockSingleMemberGroup.members[0]!.username;
    mockSetOverride(member, MockSingleMemberGroup.id, 1_000_000);
    mockChargeSpend(member, MockSingleMemberGroup.id, 1_000_000);
    renderApp("/organizations/coder/groups");
    const row = await rowOf(MockSingleMemberGroup.display_name || MockSingleMemberGroup.name);
    expect(await row.findByText("1 member over their limit")).toBeInTheDocument();
  });

  it("is not counted, nor asked for, for a member without admin rights", async () => {
    mockSignIn("member");
    const seen = recordRequests();
    renderApp("/organizations/coder/groups");
    const developers = await rowOf("Developers");
    await waitFor(() => expect(developers.getByText(/\$[\d,.]+ \/ \$7,000\.00/)).toBeInTheDocument());
    expect(screen.queryByText(/over their limit/)).not.toBeInTheDocument();
    expect(seen.some((r) => r.path.endsWith("/members/ai/spend"))).toBe(false);
  });
});

describe("the way to the spend report", () => {
  it("is a link on the groups list for those who administer the groups, and only for them", async () => {
    const { user } = renderApp("/organizations/coder/groups");
    await user.click(await screen.findByRole("link", { name: "AI spend report" }));
    expect(await screen.findByRole("heading", { name: "AI spend report" })).toBeInTheDocument();
  });

  it("is not offered to a member", async () => {
    mockSignIn("member");
    renderApp("/organizations/coder/groups");
    await screen.findByRole("link", { name: "Developers" });
    await waitFor(() => expect(screen.getAllByText(/\$[\d,.]+ \/ /).length).toBeGreaterThan(0));
    expect(screen.queryByRole("link", { name: "AI spend report" })).not.toBeInTheDocument();
  });
});
