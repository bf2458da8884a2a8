// `npm run screenshots`: the app's main screens on the embedded backend, in
// Chromium, dark and light, on a desktop and a phone, written to
// docs/screenshots/ (the README shows them). Run it after a change to the look.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ensureBuild } from "../server/build";
import { launchChromium, signInThroughForm } from "../test/e2e/browser";
import { startServerProcess } from "../test/serverProcess";

const OUT = path.resolve(import.meta.dirname, "../docs/screenshots");
const SCREENS = [
  { name: "groups", path: "/organizations/coder/groups", ready: "Developers" },
  { name: "members", path: "/organizations/coder/groups/developers", ready: "AI spend of bob" },
  {
    name: "settings",
    path: "/organizations/coder/groups/developers/settings",
    ready: "Monthly budget per member (USD)",
  },
];
const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

ensureBuild();
mkdirSync(OUT, { recursive: true });
const [server, browser] = await Promise.all([startServerProcess(), launchChromium()]);
try {
  for (const theme of ["dark", "light"] as const) {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ baseURL: server.url, viewport, colorScheme: theme });
      const page = await context.newPage();
      await page.goto("/login");
      await signInThroughForm(page, "admin");
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      for (const screen of SCREENS) {
        await page.goto(screen.path);
        await page.getByText(screen.ready).or(page.getByLabel(screen.ready)).first().waitFor();
        await page.waitForLoadState("networkidle");
        const file = path.join(OUT, `${screen.name}-${viewport.name}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: viewport.name === "phone" });
        console.log(path.relative(process.cwd(), file));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
