/// <reference types="vitest/config" />
import path from "node:path";
import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig, type Plugin } from "vite";
import { CHROMIUM_ARGS, chromiumPath } from "./test/chromium.ts";

const dirname = path.dirname(fileURLToPath(import.meta.url));

/**
 * What main.ts's data layer is made of: axios, the query cache, the API
 * client and queries, the boot code and the prefetching, the pages' loaders
 * (each page's `loader.ts`, by that name), and the plain modules they use.
 * None may import React (server/static.test.ts checks the built chunk). The
 * API modules main.ts itself uses (paths, earlyRequests) stay out, or main.ts
 * would wait for all of this.
 */
const isDataLayer = (id: string) =>
  /node_modules[\\/](axios|@tanstack[\\/]query-core)[\\/]/.test(id) ||
  // queryOptions() is React Query's, but only an identity function: it comes with the queries, not with React.
  /node_modules[\\/]@tanstack[\\/]react-query[\\/]build[\\/]modern[\\/]queryOptions\.js$/.test(id) ||
  // Of the shared core, what the client and the cache patches use come with it: the checks, money,
  // the period, versions, and Coder's rules the cache patches follow (domain/).
  ((/[\\/]src[\\/](api[\\/]|app[\\/](startup[\\/]boot|prefetch|queryClient|urls)\.ts|pages[\\/].*[\\/]loader\.ts$)/.test(
    id,
  ) ||
    /[\\/]core[\\/]((validation|currency|budgetPeriod|buildInfo|versions)\.ts|domain[\\/](afterBudgetChange|budgetRules)\.ts)$/.test(
      id,
    )) &&
    !/[\\/](api[\\/]earlyRequests|core[\\/]paths)\.ts$/.test(id));

/**
 * main.ts imports the data layer at once; naming its files in index.html
 * lets the browser fetch them alongside main.ts instead of after it.
 */
function preloadDataLayer(): Plugin {
  return {
    name: "preload-data-layer",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, { bundle, chunk: entry }) {
        const chunks = Object.values(bundle ?? {}).filter((c) => c.type === "chunk");
        const boot = chunks.find((c) =>
          c.moduleIds.some((id) => /[\\/]src[\\/]app[\\/]startup[\\/]boot\.ts$/.test(id)),
        );
        if (!boot) return html;
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (fileName === entry?.fileName || files.has(fileName)) return;
          files.add(fileName);
          chunks.find((c) => c.fileName === fileName)?.imports.forEach(visit);
        };
        visit(boot.fileName);
        return [...files].map((file) => ({
          tag: "link",
          attrs: { rel: "modulepreload", crossorigin: true, href: `/${file}` },
          injectTo: "head" as const,
        }));
      },
    },
  };
}

/**
 * Story screenshots (test/visual/storyScreenshots.ts): baselines in
 * test/visual/baselines/<stories file>/<story>-<theme>.png, one set for this
 * Debian Chromium (no browser or platform suffix); what differs goes to
 * test-results/visual/. A pixel counts as changed when its colour moves by more
 * than pixelmatch's 0.1; more than 25 changed pixels fail the story.
 */
const VISUAL_BASELINES = "test/visual/baselines";
const visualRegression = {
  comparatorName: "pixelmatch" as const,
  comparatorOptions: { threshold: 0.1, allowedMismatchedPixels: 25 },
  resolveScreenshotPath: ({ root, testFileName, testName, arg, ext }: ScreenshotPathData) =>
    path.join(root, VISUAL_BASELINES, testFileName.replace(/\.stories\.tsx?$/, ""), `${testName}-${arg}${ext}`),
  resolveDiffPath: ({ root, testFileName, testName, arg, ext }: ScreenshotPathData) =>
    path.join(root, "test-results/visual", testFileName.replace(/\.stories\.tsx?$/, ""), `${testName}-${arg}${ext}`),
};
interface ScreenshotPathData {
  root: string;
  testFileName: string;
  testName: string;
  arg: string;
  ext: string;
}

export default defineConfig({
  plugins: [react(), tailwindcss(), preloadDataLayer()],
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  build: {
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Few, large chunks: HTTP/1.1 gives a page six connections, and the
        // first wave's three requests hold three of them.
        codeSplitting: {
          // A group takes only the modules it names, not all they import.
          includeDependenciesRecursively: false,
          groups: [
            // The data layer, which main.ts loads first; not the two small
            // modules main.ts itself needs, or it would wait for all of this.
            { name: "data", test: (id: string) => isDataLayer(id) },
            {
              name: "ui",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/]react-query|sonner)[\\/]/,
            },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          globals: true,
          environment: process.env.DOM_ENV ?? "jsdom",
          setupFiles: ["./vitest.setup.ts"],
          include: ["src/**/*.test.{ts,tsx}", "core/**/*.test.ts"],
          // Above the 10 s Testing Library waits (vitest.setup.ts): a slow first
          // page import must fail as a wait that names what it waited for, or pass.
          testTimeout: 20_000,
          // No test may depend on another having run first: files and tests in a random order
          // (npm test prints the seed; --sequence.seed=<seed> replays it).
          sequence: { shuffle: { files: true, tests: true } },
        },
      },
      {
        extends: true,
        test: {
          name: "server",
          globals: true,
          environment: "node",
          include: ["server/**/*.test.ts", "test/contract/**/*.test.ts", "test/load/**/*.test.ts", "test/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { shuffle: { files: true, tests: true } },
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          globals: true,
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: path.join(dirname, ".storybook") })],
        optimizeDeps: {
          include: [
            "msw-storybook-addon/csf3",
            "storybook/test",
            "react-dom/client",
            "@tanstack/react-query",
            "formik",
            "yup",
            "axios",
            "sonner",
            "react-router",
            "axe-core",
          ],
        },
        test: {
          name: "storybook",
          // Each story photographed in both themes and compared with its baseline.
          setupFiles: ["./test/visual/storyScreenshots.ts"],
          // Above the 10 s Testing Library waits (.storybook/preview.tsx), on a busy machine too.
          testTimeout: 60_000,
          // The pictures a report links to (new, actual, diff): not for the repository.
          attachmentsDir: "test-results/vitest-attachments",
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
              // Room for the largest story viewport (1440 × 900), so no story is scaled to fit; reduced
              // motion, so a picture never catches a toast or a skeleton half way through its animation.
              contextOptions: {
                viewport: { width: 1500, height: 1000 },
                deviceScaleFactor: 1,
                reducedMotion: "reduce",
              },
            }),
            instances: [{ browser: "chromium" }],
            expect: { toMatchScreenshot: visualRegression },
          },
        },
      },
    ],
  },
});
