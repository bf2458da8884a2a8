import { existsSync } from "node:fs";

// Debian's Chromium, never a downloaded browser. These flags keep it quiet on a
// machine with no network beyond loopback.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumPath(): string {
  return process.env.CHROME_PATH ?? "/usr/bin/chromium";
}

export function assertChromiumInstalled(): void {
  const executable = chromiumPath();
  if (!existsSync(executable)) {
    throw new Error(
      `Chromium was not found at ${executable}. Install Debian's build with ` +
        "`apt-get update && apt-get install -y chromium`, or set CHROME_PATH.",
    );
  }
}
