import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { MockGroup, MockOrganizationName } from "../../../testHelpers/entities";
import { mockBackend } from "../../../testHelpers/handlers";
import { renderApp } from "../../../testHelpers/renderApp";
import { recordRequests, server } from "../../../testHelpers/server";
import { BUDGET_LABEL, settingsPath } from "../../../testHelpers/settingsPage";

const aiRequests = (seen: ReturnType<typeof recordRequests>) => seen.filter((r) => r.path.includes("/ai/"));

describe("GroupSettingsPage on deployments without AI budgets", () => {
  it("says which version is needed on a v2.35 deployment, and asks nothing about budgets", async () => {
    mockBackend.version = "v2.35.2";
    const seen = recordRequests();
    const app = renderApp(settingsPath);
    expect(
      await screen.findByText("AI budgets need Coder v2.36 or later; this deployment runs v2.35.2."),
    ).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "AI budget" })).toBeInTheDocument();
    expect(screen.queryByLabelText(BUDGET_LABEL)).not.toBeInTheDocument();

    // The rest of the form still saves, and only the group.
    await app.user.clear(screen.getByLabelText("Display name"));
    await app.user.type(screen.getByLabelText("Display name"), "Builders");
    await app.user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(app.location()).toBe(`/organizations/${MockOrganizationName}/groups/${MockGroup.name}`));
    expect(seen.filter((r) => r.method !== "GET" && r.path !== "/api/v2/authcheck").map((r) => r.method)).toEqual([
      "PATCH",
    ]);
    expect(aiRequests(seen)).toEqual([]);
  });

  it("reads a budget route that does not exist as a missing feature, not as no budget", async () => {
    mockBackend.version = "v0.0.0-devel+4f2e1a";
    server.use(
      http.get(`*/api/v2/groups/${MockGroup.id}/ai/budget`, () =>
        HttpResponse.json({ message: "Route not found." }, { status: 404 }),
      ),
    );
    renderApp(settingsPath);
    expect(
      await screen.findByText(
        "AI budgets need Coder v2.36 or later with cost control; this deployment has no AI budget routes.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toBeInTheDocument();
    expect(screen.queryByLabelText(BUDGET_LABEL)).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("hides the AI columns of the members page, with no error, when the spend route does not exist", async () => {
    mockBackend.version = "v0.0.0-devel+4f2e1a";
    server.use(
      http.get(`*/api/v2/groups/${MockGroup.id}/members/ai/spend`, () =>
        HttpResponse.json({ message: "Route not found." }, { status: 404 }),
      ),
    );
    const seen = recordRequests();
    renderApp(`/organizations/${MockOrganizationName}/groups/${MockGroup.name}`);
    expect(await screen.findByRole("columnheader", { name: "User" })).toBeInTheDocument();
    await waitFor(() =>
      expect(aiRequests(seen).map((r) => r.path)).toContain(`/api/v2/groups/${MockGroup.id}/members/ai/spend`),
    );
    await waitFor(() => expect(screen.queryByRole("columnheader", { name: "AI spend" })).not.toBeInTheDocument());
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows the deployment's address and version at the foot of the page", async () => {
    mockBackend.version = "v2.36.4";
    renderApp(settingsPath);
    const footer = await screen.findByRole("contentinfo");
    await waitFor(() => expect(footer).toHaveTextContent(/^Connected to http:\/\/\S+ · Coder v2\.36\.4$/));
    expect(await screen.findByLabelText(BUDGET_LABEL)).toBeInTheDocument();
  });
});
