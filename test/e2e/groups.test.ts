// The groups list and the navigation in Debian's Chromium against the real
// embedded server: creating a group, searching, paging, switching
// organization, deleting a group; no sideways scroll from 360 to 1440 px.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../serverProcess";
import { allowFailedRequests, openSignedIn } from "./browser";
import { serverAndBrowser } from "./setup";

const running = serverAndBrowser();
let adminToken: string;
const contexts: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  adminToken = await signIn(running.server.url, "admin");
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

async function open(path: string, as = "admin") {
  const opened = await openSignedIn(running.browser, running.server.url, path, as);
  contexts.push(opened.context);
  return opened.page;
}

const createGroupApi = (name: string) =>
  fetch(`${running.server.url}/api/v2/organizations/coder/groups`, {
    method: "POST",
    headers: { "Coder-Session-Token": adminToken, "Content-Type": "application/json" },
    body: JSON.stringify({ name }),
  });

describe("groups and navigation", () => {
  it("creates a group, keeps what was typed on a taken name, and opens the new group", async () => {
    const page = await open("/organizations/coder/groups");
    // The taken name's 409 is the answer this test asks for.
    allowFailedRequests(page.context(), /^\/api\/v2\/organizations\/coder\/groups$/, 409);
    await page.getByRole("button", { name: "Create group" }).click();
    const dialog = page.getByRole("dialog", { name: "Create group" });
    await dialog.getByLabel("Name", { exact: true }).fill("developers");
    await dialog.getByLabel("Display name").fill("Quality");
    await dialog.getByRole("button", { name: "Create group" }).click();
    await dialog.getByText("Group names must be unique").waitFor();
    expect(await dialog.getByLabel("Display name").inputValue()).toBe("Quality");
    await dialog.getByLabel("Name", { exact: true }).fill("quality");
    await dialog.getByRole("button", { name: "Create group" }).click();
    await page.waitForURL(`${running.server.url}/organizations/coder/groups/quality`);
    await page.getByRole("heading", { name: "Quality" }).waitFor();
  });

  it("searches by name and pages through many groups, Everyone first", async () => {
    for (let i = 1; i <= 26; i++)
      expect((await createGroupApi(`squad-${String(i).padStart(2, "0")}`)).status).toBe(201);
    const page = await open("/organizations/coder/groups");
    await page.getByText(/Showing 1–25 of \d+ groups/).waitFor();
    const firstRow = page.getByRole("row").nth(1);
    expect(await firstRow.getByRole("link").first().textContent()).toBe("Everyone");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText(/Page 2 of 2/).waitFor();
    expect(page.url()).toContain("page=2");
    await page.getByLabel("Search groups").fill("squad-2");
    await page.getByText("7 groups").waitFor();
    await page.getByLabel("Search groups").fill("nothing-like-it");
    await page.getByText("No groups match “nothing-like-it”.").waitFor();
  });

  it("switches organization from the navigation, keeping the kind of screen, in two clicks", async () => {
    const page = await open("/organizations/coder/groups");
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link", { name: "Groups" }).getAttribute("aria-current")).toBe("page");
    await nav.getByRole("button", { name: "Organization: Coder" }).click();
    await page.getByRole("menuitem", { name: "AI spend report of Research" }).click();
    await page.waitForURL(`${running.server.url}/organizations/research/ai-spend`);
    await page.getByRole("heading", { name: "AI spend report" }).waitFor();
    await nav.getByRole("button", { name: "Organization: Research" }).click();
    await page.getByRole("menuitem", { name: /^Coder/ }).click();
    await page.waitForURL(`${running.server.url}/organizations/coder/ai-spend`);
  });

  it("shows a member of one organization no switcher", async () => {
    const page = await open("/organizations/coder/groups", "member");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "My AI spend" }).waitFor();
    expect(await nav.getByRole("button", { name: /^Organization:/ }).count()).toBe(0);
    expect(await nav.getByRole("link", { name: "AI spend report" }).count()).toBe(0);
  });

  it("deletes a group after its name is typed, back to the list with a toast", async () => {
    expect((await createGroupApi("to-delete")).status).toBe(201);
    const page = await open("/organizations/coder/groups/to-delete/settings");
    await page.getByRole("button", { name: "Delete group…" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete group" });
    const confirm = dialog.getByRole("button", { name: "Delete group" });
    await dialog.getByLabel("Name of the group to delete").fill("to-del");
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel("Name of the group to delete").fill("to-delete");
    await confirm.click();
    await page.waitForURL(`${running.server.url}/organizations/coder/groups`);
    await page.getByText('Group "to-delete" deleted.').waitFor();
    expect(await page.getByRole("link", { name: "to-delete" }).count()).toBe(0);
  });

  it("offers no Delete group for Everyone", async () => {
    const page = await open("/organizations/coder/groups/Everyone/settings");
    await page.getByLabel("Name", { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "Delete group…" }).count()).toBe(0);
  });

  it("never scrolls sideways from 360 to 1440 px", async () => {
    const page = await open("/organizations/coder/groups");
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    for (const width of [360, 768, 1024, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      await page.getByRole("link", { name: "Developers", exact: true }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `at ${width} px`).toBeLessThanOrEqual(0);
    }
  });
});
