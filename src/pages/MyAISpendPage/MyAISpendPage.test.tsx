// My AI spend, as every signed-in user sees it: the account menu, the page,
// and where a member without admin rights lands.
import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { MockGroup } from "../../testHelpers/entities";
import {
  mockBackend,
  mockChargeSpend,
  mockSetOverride,
  mockSignIn,
  setBudgetElsewhere,
} from "../../testHelpers/handlers";
import { renderApp } from "../../testHelpers/renderApp";
import { recordRequests, server } from "../../testHelpers/server";

const MID_MONTH = "2026-11-16T05:24:00.000Z";
/** The time forecasts are drawn at, given to the app as it renders. */
let now: string | undefined;
afterEach(() => {
  now = undefined;
});
const at = (iso: string) => {
  now = iso;
};
/** The value next to a term of the page's facts. */
const fact = (term: string) => screen.getByText(term, { selector: "dt" }).nextElementSibling as HTMLElement;

describe("the account menu", () => {
  it("asks for nothing until it is opened", async () => {
    mockSignIn("member");
    const seen = recordRequests();
    const { user } = renderApp("/organizations/coder/groups", { now });
    const menu = await screen.findByRole("button", { name: "member" });
    expect(menu).toHaveAttribute("aria-expanded", "false");
    expect(seen.some((r) => r.path.endsWith("/users/me/ai/spend"))).toBe(false);
    await user.click(menu);
    expect(menu).toHaveAttribute("aria-expanded", "true");
    expect(await screen.findByRole("link", { name: /^My AI spend: / })).toBeInTheDocument();
    expect(seen.some((r) => r.path.endsWith("/users/me/ai/spend"))).toBe(true);
  });

  it("shows the signed-in user's spend against their budget, in Coder's words, linking to My AI spend", async () => {
    mockSignIn("member");
    const { user } = renderApp("/organizations/coder/groups", { now });
    await user.click(await screen.findByRole("button", { name: "member" }));
    const link = await screen.findByRole("link", { name: "My AI spend: $312.50 / $1,000.00 USD" });
    expect(link).toHaveTextContent("$312.50 / $1,000.00 USD");
    await user.click(link);
    expect(await screen.findByRole("heading", { name: "My AI spend" })).toBeInTheDocument();
  });

  it("says Unlimited when no budget governs", async () => {
    setBudgetElsewhere(MockGroup.id, null);
    mockSignIn("member");
    const { user } = renderApp("/organizations/coder/groups", { now });
    await user.click(await screen.findByRole("button", { name: "member" }));
    expect(await screen.findByRole("link", { name: "My AI spend: $0.00 / Unlimited USD" })).toBeInTheDocument();
  });

  it("is absent, and asks nothing, when the deployment is not entitled", async () => {
    mockBackend.aiEntitled = false;
    const seen = recordRequests();
    const { user } = renderApp("/organizations/coder/groups", { now });
    await screen.findByRole("link", { name: "Developers" });
    await user.click(screen.getByRole("button", { name: "admin" }));
    expect(screen.queryByRole("link", { name: /My AI spend/ })).not.toBeInTheDocument();
    expect(seen.some((r) => r.path.endsWith("/ai/spend"))).toBe(false);
  });
});

describe("where / lands", () => {
  it("takes a member without admin rights to their own AI spend", async () => {
    mockSignIn("member");
    const { location } = renderApp("/", { now });
    expect(await screen.findByRole("heading", { name: "My AI spend" })).toBeInTheDocument();
    expect(location()).toBe("/ai-spend");
  });

  it("takes an organization admin to the groups", async () => {
    mockSignIn("orgadmin");
    const { location } = renderApp("/", { now });
    expect(await screen.findByRole("heading", { name: "Groups" })).toBeInTheDocument();
    expect(location()).toBe("/organizations/coder/groups");
  });
});

describe("the My AI spend page", () => {
  it("shows the budget, the group it comes from, the reset with the UTC period, and the pace", async () => {
    at(MID_MONTH);
    mockSignIn("member");
    renderApp("/ai-spend", { now });
    expect(await screen.findByRole("progressbar", { name: "My AI spend this month" })).toHaveAttribute(
      "aria-valuenow",
      "31",
    );
    expect(fact("Monthly limit")).toHaveTextContent("$1,000.00");
    expect(
      await within(fact("Set by")).findByText("The budget of Developers, the highest of your groups."),
    ).toBeInTheDocument();
    expect(fact("Resets")).toHaveTextContent(/^(December 1|November 30), 2026/);
    expect(fact("Resets")).toHaveTextContent("Budget period November 1 – December 1, 2026 (UTC)");
    expect(fact("Pace")).toHaveTextContent(/^On pace for \$615\.76 this month\./);
    expect(fact("Pace")).not.toHaveTextContent("Reaches the limit");
  });

  it("says when the pace reaches the limit", async () => {
    at(MID_MONTH);
    mockSignIn("bob");
    renderApp("/ai-spend", { now });
    await screen.findByRole("progressbar", { name: "My AI spend this month" });
    expect(fact("Pace")).toHaveTextContent("On pace for $1,714.29 this month. Reaches the limit around November 18.");
  });

  it("names a per-user limit Custom limit", async () => {
    mockSetOverride("member", MockGroup.id, 9_000_000_000);
    mockSignIn("member");
    renderApp("/ai-spend", { now });
    expect(await screen.findByText("Custom limit, charged to Developers.")).toBeInTheDocument();
    expect(fact("Monthly limit")).toHaveTextContent("$9,000.00");
  });

  it("says when the limit is reached and requests are refused", async () => {
    at(MID_MONTH);
    mockChargeSpend("member", MockGroup.id, 700_000_000);
    mockSignIn("member");
    renderApp("/ai-spend", { now });
    await screen.findByRole("progressbar", { name: "My AI spend this month" });
    expect(fact("Pace")).toHaveTextContent(
      /^You have reached your limit: AI requests are refused until (December 1|November 30), 2026/,
    );
  });

  it("has no forecast in the period's first days", async () => {
    at("2026-11-02T09:00:00.000Z");
    mockSignIn("member");
    renderApp("/ai-spend", { now });
    await screen.findByRole("progressbar", { name: "My AI spend this month" });
    expect(fact("Pace")).toHaveTextContent("A forecast shows from day 4 of the period.");
  });

  it("says what failed, and retries", async () => {
    mockSignIn("member");
    server.use(
      http.get("*/api/v2/users/me/ai/spend", () =>
        HttpResponse.json({ message: "Database unavailable." }, { status: 500 }),
      ),
    );
    const { user } = renderApp("/ai-spend", { now });
    expect(await screen.findByText("Could not load your AI spend.")).toBeInTheDocument();
    server.resetHandlers();
    await user.click(screen.getByRole("button", { name: /Retry|Try again/ }));
    expect(await screen.findByRole("progressbar", { name: "My AI spend this month" })).toBeInTheDocument();
  });
});
