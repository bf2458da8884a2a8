// Against a server that sends no ETags (Coder): the budget is read once, when
// the form loads, and a save is one request.
import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { MockBudget, MockGroup, MockOrganizationName } from "../../../testHelpers/entities";
import { renderApp } from "../../../testHelpers/renderApp";
import { server } from "../../../testHelpers/server";
import { BUDGET_LABEL, budgetPath, confirmSaveQuestion, settingsPath } from "../../../testHelpers/settingsPage";

describe("GroupSettingsPage against a server without ETags", () => {
  it("saves a budget with one PUT: no read before it, and no precondition", async () => {
    server.use(http.get(`*${budgetPath}`, () => HttpResponse.json(MockBudget)));
    const budgetRequests: { method: string; ifMatch: string | null; ifNoneMatch: string | null }[] = [];
    server.events.on("request:start", ({ request }) => {
      if (new URL(request.url).pathname !== budgetPath) return;
      budgetRequests.push({
        method: request.method,
        ifMatch: request.headers.get("If-Match"),
        ifNoneMatch: request.headers.get("If-None-Match"),
      });
    });
    const app = renderApp(settingsPath);
    const input = await screen.findByLabelText(BUDGET_LABEL);
    await app.user.clear(input);
    await app.user.type(input, "250");
    await app.user.click(screen.getByRole("button", { name: "Save" }));
    await confirmSaveQuestion(app.user); // $250 is below what bob spent: it blocks him
    await waitFor(() => expect(app.location()).toBe(`/organizations/${MockOrganizationName}/groups/${MockGroup.name}`));
    expect(budgetRequests).toEqual([
      { method: "GET", ifMatch: null, ifNoneMatch: null },
      { method: "PUT", ifMatch: null, ifNoneMatch: null },
    ]);
  });
});
