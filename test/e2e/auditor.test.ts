// An Auditor (Coder's read set) in Chromium against the embedded backend:
// reads the groups with their spend, every member's row, the group header's
// spend and the report, and is offered nothing that changes anything; the
// server refuses their writes.
import { expect, it } from "vitest";
import { allowFailedRequests, openSignedIn } from "./browser";
import { serverAndBrowser } from "./setup";

const running = serverAndBrowser();

it("reads every spend screen and is offered no change", async () => {
  const { page } = await openSignedIn(running.browser, running.server.url, "/organizations/coder/groups", "auditor");
  await page.getByRole("heading", { name: "Groups" }).waitFor();
  await page.getByRole("link", { name: "AI spend report" }).waitFor();
  await page
    .getByRole("progressbar", { name: /^AI spend of .* this month$/ })
    .first()
    .waitFor();

  await page.goto(`${running.server.url}/organizations/coder/groups/developers`);
  // The header's spend, and every member's row (not only the viewer's own).
  await page
    .getByRole("progressbar", { name: /^AI spend of .* this month$/ })
    .first()
    .waitFor();
  await page.getByRole("row", { name: /carol/ }).waitFor();
  expect(await page.getByRole("row").count()).toBeGreaterThan(7);
  expect(await page.getByRole("button", { name: /Manage AI budget|Actions|More/ }).count()).toBe(0);
  expect(await page.getByRole("button", { name: "Add users" }).count()).toBe(0);

  await page.goto(`${running.server.url}/organizations/coder/ai-spend`);
  await page.getByRole("table", { name: "By user" }).waitFor();
  await page.getByRole("heading", { name: "Spend by user, most expensive first" }).waitFor();

  // And on the wire: a budget write is refused as if the group were not there (the browser logs that refusal).
  allowFailedRequests(page.context(), /^\/api\/v2\/groups\/[^/]+\/ai\/budget$/, 404);
  const status = await page.evaluate(async () => {
    const groups = (await (await fetch("/api/v2/organizations/coder/groups")).json()) as { id: string; name: string }[];
    const developers = groups.find((g) => g.name === "developers")!;
    const answer = await fetch(`/api/v2/groups/${developers.id}/ai/budget`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ spend_limit_micros: 1 }),
    });
    return answer.status;
  });
  expect(status).toBe(404);
});
