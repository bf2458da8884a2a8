// My AI spend per organization: read back from the server where the
// deployment assigns each request an organization (Coder v2.40), for a member
// of more than one; never asked of v2.36, and not shown to a member of one.
import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  mockAddGroup,
  mockAddOrganization,
  mockBackend,
  mockChargeSpend,
  mockSignIn,
} from "../../testHelpers/handlers";
import { renderApp } from "../../testHelpers/renderApp";
import { server } from "../../testHelpers/server";

const RESEARCH = "6d6d8f6e-3a4b-4c2f-9d1e-0000000000f2";
const GPU_LAB = "6d6d8f6e-3a4b-4c2f-9d1e-0000000000f3";
const asked: string[] = [];
const listen = ({ request }: { request: Request }) => {
  asked.push(new URL(request.url).pathname);
};

beforeEach(() => {
  asked.length = 0;
  server.events.on("request:start", listen);
  mockAddOrganization({ id: RESEARCH, name: "research", members: ["bob"] });
  mockAddGroup({
    id: GPU_LAB,
    name: "gpu-lab",
    members: ["bob"],
    budgetMicros: 2_500_000_000,
    organizationId: RESEARCH,
  });
  mockChargeSpend("bob", GPU_LAB, 40_000_000);
  mockSignIn("bob");
});
afterEach(() => {
  server.events.removeListener("request:start", listen);
});

describe("My AI spend, by organization", () => {
  it("shows the budget and spend read back for each organization of a member of two", async () => {
    renderApp("/ai-spend");
    const section = await screen.findByRole("region", { name: "By organization" });
    const items = await within(section).findAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Coder/),
      expect.stringMatching(/^research/),
    ]);
    expect(within(items[1]!).getByText("$40.00 / $2,500.00")).toBeInTheDocument();
    expect(within(items[0]!).getByText(/\/ \$1,000\.00$/)).toBeInTheDocument();
    expect(asked).toContain("/api/v2/users/me/ai/spend/organizations");
  });

  it("is not asked of Coder v2.36", async () => {
    mockBackend.version = "v2.36.1";
    renderApp("/ai-spend");
    await screen.findByRole("progressbar", { name: "My AI spend this month" });
    expect(screen.queryByRole("region", { name: "By organization" })).not.toBeInTheDocument();
    expect(asked).not.toContain("/api/v2/users/me/ai/spend/organizations");
  });
});
