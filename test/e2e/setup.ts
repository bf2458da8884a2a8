// What an end-to-end test file starts with: the app's real server (test
// build, fresh data directory) and Debian's Chromium, up before its first
// test and gone after its last.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { ensureBuild } from "../../server/build";
import { startServerProcess, type ServerProcess } from "../serverProcess";
import { launchChromium } from "./browser";

/** Filled in by beforeAll: read `server` and `browser` inside tests and hooks. */
export function serverAndBrowser(options?: Parameters<typeof startServerProcess>[0]): {
  server: ServerProcess;
  browser: Browser;
} {
  const running = {} as { server: ServerProcess; browser: Browser };
  beforeAll(async () => {
    ensureBuild();
    [running.server, running.browser] = await Promise.all([startServerProcess(options), launchChromium()]);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}
