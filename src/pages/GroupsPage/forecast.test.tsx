// The forecast as the admin sees it, at fixed times in November 2026 (the
// mock backend's period): on the members tab, on the groups list, and in the
// impact preview of a new budget.
import { act, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { FORECAST_EXPLANATION } from "../../../core/domain/forecast";
import { MockGroup } from "../../testHelpers/entities";
import { mockChargeSpend } from "../../testHelpers/handlers";
import { renderApp } from "../../testHelpers/renderApp";

// 15.225 days into a 30-day month: bob's $870 is on pace for $1,714.29 and
// meets his $1,000 limit 17.5 days in, at noon UTC on November 18 (the same
// day on any clock within ±11 hours).
const MID_MONTH = "2026-11-16T05:24:00.000Z";
/** The time forecasts are drawn at, given to the app as it renders. */
let now: string | undefined;
afterEach(() => {
  now = undefined;
});
const at = (iso: string) => {
  now = iso;
};
const rowOf = (text: string) => within(screen.getByText(text).closest("tr")!);

describe("the forecast on the members tab", () => {
  it("says where each member's spend is heading, and when the pace reaches the limit", async () => {
    at(MID_MONTH);
    renderApp("/organizations/coder/groups/developers", { now });
    await screen.findByRole("progressbar", { name: "AI spend of bob" });
    expect(rowOf("bob").getByText("On pace for $1,714.29 this month")).toBeInTheDocument();
    expect(rowOf("bob").getByText("Reaches the limit around November 18")).toBeInTheDocument();
    // alice stays under her limit: a pace, no date.
    expect(rowOf("alice").getByText("On pace for $236.45 this month")).toBeInTheDocument();
    expect(rowOf("alice").queryByText(/Reaches the limit/)).not.toBeInTheDocument();
    // carol is over already: the meter says so, there is nothing to forecast.
    expect(rowOf("carol").getByText("Over the limit")).toBeInTheDocument();
    expect(rowOf("carol").queryByText(/On pace/)).not.toBeInTheDocument();
  });

  it("explains what the line is", async () => {
    at(MID_MONTH);
    renderApp("/organizations/coder/groups/developers", { now });
    const pace = await screen.findByText("On pace for $1,714.29 this month");
    act(() => pace.focus());
    expect(await screen.findByRole("tooltip")).toHaveTextContent(FORECAST_EXPLANATION);
    expect(pace).toHaveAccessibleDescription(FORECAST_EXPLANATION);
  });

  it("is hidden in the period's first days", async () => {
    at("2026-11-03T12:00:00.000Z");
    renderApp("/organizations/coder/groups/developers", { now });
    await screen.findByRole("progressbar", { name: "AI spend of bob" });
    expect(screen.queryByText(/On pace for/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Reaches the limit/)).not.toBeInTheDocument();
  });
});

describe("the forecast on the groups list", () => {
  it("projects the spend charged to each group against the limit of the members it governs", async () => {
    at(MID_MONTH);
    renderApp("/organizations/coder/groups", { now });
    const row = within((await screen.findByRole("link", { name: "Developers" })).closest("tr")!);
    expect(await row.findByText("On pace for $4,684.71 this month")).toBeInTheDocument();
    expect(row.queryByText(/Reaches the limit/)).not.toBeInTheDocument();
  });

  it("says when a group's pace reaches its total limit", async () => {
    at(MID_MONTH);
    // Developers at $4,060 of $7,000 by mid-month: on pace for $8,000.
    mockChargeSpend("alice", MockGroup.id, 1_682_510_000);
    renderApp("/organizations/coder/groups", { now });
    const row = within((await screen.findByRole("link", { name: "Developers" })).closest("tr")!);
    expect(await row.findByText("On pace for $8,000.00 this month")).toBeInTheDocument();
    expect(row.getByText(/^Reaches the limit around November 2[0-9]$/)).toBeInTheDocument();
  });
});

describe("the impact preview", () => {
  it("adds who is on pace to be blocked before the reset, next to who is blocked at once", async () => {
    at(MID_MONTH);
    const { user } = renderApp("/organizations/coder/groups/developers/settings", { now });
    const input = await screen.findByLabelText("Monthly budget per member (USD)");
    await user.clear(input);
    // $1,000 is the saved budget, which changes nothing; $600 blocks bob at once (carol is blocked already).
    await user.type(input, "600");
    expect(await screen.findByText(/will be blocked/)).toHaveTextContent(
      "1 of 7 members has already spent $600.00 or more",
    );
    expect(
      screen.getByText("1 more member is on pace to reach $600.00 before December 1 and be blocked until then."),
    ).toBeInTheDocument();
  });

  it("says nothing of the pace in the period's first days", async () => {
    at("2026-11-02T09:00:00.000Z");
    const { user } = renderApp("/organizations/coder/groups/developers/settings", { now });
    const input = await screen.findByLabelText("Monthly budget per member (USD)");
    await user.clear(input);
    await user.type(input, "600");
    await screen.findByText(/will be blocked/);
    expect(screen.queryByText(/on pace/)).not.toBeInTheDocument();
  });
});
