// "By user" on the report page, by deployment version: paged on the server
// (Coder v2.40 and this app's backend), from the CSV on v2.36, which is never
// asked for the per-user endpoint.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MockGroup, MockMembers } from "../../testHelpers/entities";
import { mockBackend, mockRecordUsage } from "../../testHelpers/handlers";
import { renderApp } from "../../testHelpers/renderApp";
import { server } from "../../testHelpers/server";

const PATH = "/organizations/coder/ai-spend";
const ON = new Date("2026-11-10T12:00:00Z");
const usage = (model: string, usd: number, client = "") => ({
  model,
  provider: "openai",
  provider_name: "openai",
  client,
  input_tokens: 100,
  output_tokens: 10,
  cache_read_tokens: 0,
  cache_write_tokens: 0,
  cost_micros: Math.round(usd * 1_000_000),
});

/** The report opens on the month of this day. */
const now = "2026-11-16T05:24:00.000Z";
const asked: string[] = [];
const listen = ({ request }: { request: Request }) => {
  asked.push(new URL(request.url).pathname + new URL(request.url).search);
};
beforeEach(() => {
  asked.length = 0;
  server.events.on("request:start", listen);
  // Six users, the first spending the most (and through Cursor); the second also used a model at a fraction of a cent.
  MockMembers.slice(0, 6).forEach((member, i) => {
    mockRecordUsage(member.username, MockGroup.id, usage("gpt-5", 100 - i, i === 0 ? "Cursor" : ""), ON);
  });
  mockRecordUsage(MockMembers[1]!.username, MockGroup.id, usage("o3", 0.0015), ON);
});
afterEach(() => {
  server.events.removeListener("request:start", listen);
});

const byUser = () => screen.getByRole("table", { name: "By user" });

describe("By user, paged on the server", () => {
  it("lists users most expensive first with their providers, models and clients, to the cent", async () => {
    renderApp(PATH, { now });
    await screen.findByRole("heading", { name: "Spend by user, most expensive first" });
    await waitFor(() => expect(within(byUser()).getAllByRole("row")).toHaveLength(7));
    const first = MockMembers[0]!.username;
    const row = within(byUser()).getByRole("row", { name: new RegExp(`^${first} `) });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["openai", "gpt-5", "Cursor", "$100.00"]);
    // $99.0015 shows as $99.00, the exact amount in its tooltip.
    const second = within(byUser()).getByRole("row", { name: new RegExp(`^${MockMembers[1]!.username} `) });
    expect(within(second).getAllByRole("cell").at(-1)).toHaveTextContent("$99.00");
    expect(within(second).getAllByRole("cell").at(-1)).toHaveAttribute("title", "$99.0015");
    expect(asked.some((path) => path.includes("/ai/spend/users?"))).toBe(true);
  });

  it("sends the client filter to the server", async () => {
    const user = userEvent.setup();
    renderApp(PATH, { now });
    await screen.findByRole("heading", { name: "Spend by user, most expensive first" });
    await user.type(screen.getByLabelText("Users by client"), "Cursor");
    await user.click(screen.getByRole("button", { name: "Filter" }));
    await waitFor(() => expect(within(byUser()).getAllByRole("row")).toHaveLength(2));
    expect(asked.some((path) => path.includes("client=Cursor"))).toBe(true);
    expect(screen.getByText("Users 1–1 of 1")).toBeInTheDocument();
  });
});

describe("By user on Coder v2.36", () => {
  it("comes from the CSV, and the per-user endpoint is never asked for", async () => {
    mockBackend.version = "v2.36.2";
    renderApp(PATH, { now });
    await screen.findByRole("table", { name: "By user" });
    expect(screen.queryByRole("heading", { name: "Spend by user, most expensive first" })).not.toBeInTheDocument();
    expect(within(byUser()).getByRole("button", { name: "Cost" })).toBeInTheDocument();
    expect(asked.some((path) => path.includes("/ai/spend/users"))).toBe(false);
  });
});
