// When the first wave leaves: main.ts sends a page's first requests before the
// data layer (axios, the query cache) has arrived. Here the data layer's chunk
// is held back for 1.5 s; the first wave must be on the wire before it lands.
// Were the early requests never sent, the API client would send them only
// after that chunk loaded, and the page would still load in 2 waves.
import { describe, expect, it } from "vitest";
import { signedInContext } from "./browser";
import { serverAndBrowser } from "./setup";
import { watchApi } from "./waves";

const HOLD_MS = 1_500;
const running = serverAndBrowser();

describe("the first wave", () => {
  it("leaves before the data layer's code has arrived", async () => {
    const context = await signedInContext(running.browser, running.server.url, "admin");
    const page = await context.newPage();
    let dataLayerArrived: number | undefined;
    await page.route(/\/assets\/data-[^/]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
      const response = await route.fetch();
      dataLayerArrived = performance.now();
      await route.fulfill({ response });
    });
    const api = watchApi(page);
    await page.goto("/organizations/coder/groups/developers/settings");
    await page.getByLabel("Monthly budget per member (USD)").waitFor();
    await api.settle();
    expect(dataLayerArrived).toBeDefined();
    const firstWave = ["/api/v2/users/me", "/api/v2/entitlements", "/api/v2/organizations/coder/groups/developers"];
    for (const path of firstWave) {
      const request = api.log.find((r) => r.path === path);
      expect(request, `${path} was requested`).toBeDefined();
      expect(request!.start, `${path} left before the data layer arrived`).toBeLessThan(dataLayerArrived!);
    }
    // And they were not asked again once the client loaded.
    expect(api.log.filter((r) => firstWave.includes(r.path))).toHaveLength(firstWave.length);
    await context.close();
  });
});
