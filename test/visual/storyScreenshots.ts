// Visual regression: after each story's test (its play function and the
// axe check in .storybook/preview.tsx), the page as the story left it is
// photographed in both themes and compared with the committed baseline in
// test/visual/baselines/ (vite.config.ts sets where and how strictly).
// `npm run visual:update` rewrites the baselines.
import { afterEach, beforeEach, expect, vi } from "vitest";
import { page, type Locator } from "vitest/browser";
import { applyTheme } from "../../src/app/startup/theme";

const THEMES = ["dark", "light"] as const;

// Forecasts, "resets in N days" and the mock deployment's records follow the
// clock: every story sees the same instant, inside the fixtures' period
// (MockPeriod, November 2026). Only Date is fixed; timers still run.
const STORY_NOW = new Date("2026-11-16T12:00:00Z");
beforeEach(() => {
  vi.setSystemTime(STORY_NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

/** Fonts and images are local; wait until they are drawn, not merely requested. */
async function settled(): Promise<void> {
  await document.fonts.ready;
  await Promise.all(
    [...document.images].map((image) =>
      image.complete ? undefined : new Promise((resolve) => image.addEventListener("loadend", resolve, { once: true })),
    ),
  );
}

/**
 * The test server's own address (the mock deployment answers with it, e.g.
 * "Connected to http://127.0.0.1:63315"): its port is whichever was free, so
 * the elements that show it are masked.
 */
function showingTestServerAddress(): Locator[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const elements = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue?.includes(window.location.host) && node.parentElement) elements.add(node.parentElement);
  }
  return [...elements].map((element) => page.elementLocator(element));
}

afterEach(async ({ task }) => {
  // A story that already failed has nothing trustworthy to photograph.
  if (task.result?.errors?.length) return;
  await settled();
  const root = document.documentElement;
  const shown = root.dataset.theme === "light" ? "light" : "dark";
  try {
    for (const theme of THEMES) {
      applyTheme(theme);
      // Soft: a missing or changed dark picture still lets the light one be checked (and written).
      await expect
        .soft(
          page.elementLocator(root),
          `the ${theme} theme against its baseline (npm run visual:update refreshes them)`,
        )
        .toMatchScreenshot(theme, {
          screenshotOptions: { mask: showingTestServerAddress() },
        });
    }
  } finally {
    applyTheme(shown);
  }
});
