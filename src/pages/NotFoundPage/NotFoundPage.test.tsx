// Nothing at an address: a 404 page with a way back, and no Retry (asking
// again for what does not exist does not help).
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../../testHelpers/renderApp";

describe("the 404 page", () => {
  it("answers an address the app has no page for, with a way back to the start", async () => {
    renderApp("/no/such/page");
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to the start" })).toHaveAttribute("href", "/");
  });

  it("answers an unknown group with a way back to the groups", async () => {
    renderApp("/organizations/coder/groups/no-such-group");
    expect(await screen.findByRole("heading", { name: "Group not found" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to groups" })).toHaveAttribute("href", "/organizations/coder/groups");
    expect(screen.queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
  });

  it("answers an unknown organization without offering Retry", async () => {
    renderApp("/organizations/nowhere/groups");
    expect(await screen.findByRole("heading", { name: "Organization not found" })).toBeInTheDocument();
    expect(screen.getByText(/There is no organization named “nowhere”/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to the start" })).toBeInTheDocument();
  });
});
