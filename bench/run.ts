// `npm run bench`: this app against a reconstruction of the originating
// change's flow (bench/reconstruction), on the same client and server, with
// 100 ms added to every API answer. Prints one table and writes docs/bench.md.
// One script on purpose (over ~200 lines): build, serve, measure both flows and write the table, in the order a reader follows.
process.env.NODE_ENV = "production";

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { build, type Plugin } from "vite";
import { ROOT } from "../server/paths";
import { launchChromium } from "../test/e2e/browser";
import { CHROMIUM_ARGS, chromiumPath } from "../test/chromium";
import { signIn, startServerProcess } from "../test/serverProcess";
import { measureLoad, measureSave, median, signedInPage, type Measured, type Scenario } from "./measure";
import { seedLargeGroup } from "./seedLarge";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LATENCY_MS = "100";
const LARGE_GROUP_SIZE = 10_000;

interface AppUnderTest {
  name: string;
  outDir: string;
  configFile: string;
  /** Package → bytes rendered into the build (before minification), and chunk file → packages in it. */
  costs: Map<string, number>;
  chunkPackages: Map<string, Set<string>>;
}

const packageOf = (id: string) => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  return match ? match[1]! : "(app code)";
};

function costPlugin(app: AppUnderTest): Plugin {
  return {
    name: "dependency-cost",
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        const packages = new Set<string>();
        for (const [id, info] of Object.entries(chunk.modules)) {
          const name = packageOf(id);
          packages.add(name);
          app.costs.set(name, (app.costs.get(name) ?? 0) + info.renderedLength);
        }
        app.chunkPackages.set(`/${chunk.fileName}`, packages);
      }
    },
  };
}

const gzipBytes = (app: AppUnderTest, files: Iterable<string>) =>
  [...new Set(files)].reduce((sum, file) => sum + gzipSync(readFileSync(path.join(app.outDir, file))).length, 0);

function htmlFiles(app: AppUnderTest, ext: "js" | "css") {
  const html = readFileSync(path.join(app.outDir, "index.html"), "utf8");
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!).filter((f) => f.endsWith(`.${ext}`));
}

async function lighthouseScores(url: string, token: string) {
  const { default: lighthouse } = (await import("lighthouse")) as unknown as {
    default: (...args: unknown[]) => Promise<{ lhr: { categories: Record<string, { score: number }> } }>;
  };
  const { default: desktop } = (await import("lighthouse/core/config/desktop-config.js" as string)) as {
    default: unknown;
  };
  const chromeLauncher = (await import("chrome-launcher")) as unknown as {
    launch: (options: object) => Promise<{ port: number; kill: () => Promise<void> }>;
  };
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: [...CHROMIUM_ARGS, `--user-data-dir=${mkdtempSync(path.join(tmpdir(), "lh-"))}`],
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        logLevel: "error",
        output: "json",
        onlyCategories: ["performance", "accessibility"],
        extraHeaders: { Cookie: `coder_session_token=${token}` },
      },
      desktop,
    );
    return {
      performance: result.lhr.categories.performance!.score,
      accessibility: result.lhr.categories.accessibility!.score,
    };
  } finally {
    await chrome.kill();
  }
}

interface Results {
  initialJs: number;
  css: number;
  settingsChunk: number;
  settingsPage: number;
  loginLoadsFormLibraries: boolean;
  load: Record<Scenario, ReturnType<typeof summarize>>;
  save: ReturnType<typeof summarize>;
  largeLoad: ReturnType<typeof summarize>;
  largeSave: ReturnType<typeof summarize>;
  lighthouse: { performance: number; accessibility: number };
}

const summarize = (runs: Measured[]) => ({
  ms: median(runs.map((r) => r.ms)),
  waves: Math.max(...runs.map((r) => r.waves)),
  readsAfter: runs.some((r) => r.readsAfter !== undefined)
    ? Math.max(...runs.map((r) => r.readsAfter ?? 0))
    : undefined,
});

async function repeat(times: number, run: (i: number) => Promise<Measured>): Promise<Measured[]> {
  const results: Measured[] = [];
  for (let i = 0; i < times; i++) results.push(await run(i));
  return results;
}

async function loginFiles(browser: Browser, url: string): Promise<string[]> {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  const files: string[] = [];
  page.on("request", (r) => {
    const p = new URL(r.url()).pathname;
    if (p.endsWith(".js")) files.push(p);
  });
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign In" }).waitFor();
  await page.waitForTimeout(300);
  await context.close();
  return files;
}

async function benchApp(app: AppUnderTest, browser: Browser): Promise<Results> {
  const env = { API_LATENCY_MS: LATENCY_MS, STATIC_DIR: app.outDir };
  const server = await startServerProcess({ env });
  let results: Omit<Results, "largeLoad" | "largeSave">;
  try {
    const token = await signIn(server.url, "admin");
    const direct = await repeat(RUNS, () => measureLoad(browser, server.url, token, "direct", "developers"));
    const list = await repeat(RUNS, () => measureLoad(browser, server.url, token, "list", "developers"));
    const hover = await repeat(RUNS, () => measureLoad(browser, server.url, token, "hover", "developers"));
    const save = await repeat(RUNS, (i) => measureSave(browser, server.url, token, "developers", i));
    const listPage = await measureListFiles(browser, server.url, token);
    const settingsFiles = direct[0]!.files;
    const login = await loginFiles(browser, server.url);
    const lighthouseRuns = [];
    for (let i = 0; i < 3; i++)
      lighthouseRuns.push(
        await lighthouseScores(`${server.url}/organizations/coder/groups/contractors/settings`, token),
      );
    results = {
      // What any page needs before it can show anything: the JS both the
      // sign-in page and the settings page load (the boot code, React, the
      // router and the app's frame); not just what index.html names.
      initialJs: gzipBytes(
        app,
        settingsFiles.filter((f) => f.endsWith(".js") && login.includes(f)),
      ),
      css: gzipBytes(app, htmlFiles(app, "css")),
      settingsChunk: gzipBytes(
        app,
        settingsFiles.filter((f) => !listPage.includes(f)),
      ),
      settingsPage: gzipBytes(app, settingsFiles),
      loginLoadsFormLibraries: login.some((f) => ["formik", "yup"].some((p) => app.chunkPackages.get(f)?.has(p))),
      load: { direct: summarize(direct), list: summarize(list), hover: summarize(hover) },
      save: summarize(save),
      lighthouse: {
        performance: median(lighthouseRuns.map((r) => r.performance)),
        accessibility: median(lighthouseRuns.map((r) => r.accessibility)),
      },
    };
  } finally {
    await server.stop();
  }

  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-large-"));
  await seedLargeGroup(dataDir, LARGE_GROUP_SIZE);
  const large = await startServerProcess({ dataDir, env });
  try {
    const token = await signIn(large.url, "admin");
    const largeLoad = summarize(await repeat(RUNS, () => measureLoad(browser, large.url, token, "direct", "large")));
    const largeSave = summarize(await repeat(RUNS, (i) => measureSave(browser, large.url, token, "large", i)));
    return { ...results, largeLoad, largeSave };
  } finally {
    await large.stop();
  }
}

async function measureListFiles(browser: Browser, url: string, token: string): Promise<string[]> {
  const { context, page, files } = await signedInPage(browser, url, token);
  await page.goto("/organizations/coder/groups");
  await page.locator('a[href="/organizations/coder/groups/developers/settings"]').waitFor();
  await page.waitForTimeout(300);
  await context.close();
  return files;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ratio = (ours: number, theirs: number) => (theirs === 0 ? "–" : `${(ours / theirs).toFixed(2)}×`);
const timed = (m: { ms: number; waves: number; readsAfter?: number }) =>
  `${m.waves} ${m.waves === 1 ? "wave" : "waves"}, ${Math.round(m.ms)} ms${
    m.readsAfter === undefined
      ? ""
      : m.readsAfter === 0
        ? ", no read after"
        : ` (then ${m.readsAfter} ${m.readsAfter === 1 ? "read" : "reads"})`
  }`;

function table(ours: Results, theirs: Results): string {
  const rows: [string, string, string, string][] = [
    ["JS every page loads (gzip)", kB(ours.initialJs), kB(theirs.initialJs), ratio(ours.initialJs, theirs.initialJs)],
    ["CSS (gzip)", kB(ours.css), kB(theirs.css), ratio(ours.css, theirs.css)],
    [
      "Settings route chunk (gzip)",
      kB(ours.settingsChunk),
      kB(theirs.settingsChunk),
      ratio(ours.settingsChunk, theirs.settingsChunk),
    ],
    [
      "Whole settings page, JS + CSS (gzip)",
      kB(ours.settingsPage),
      kB(theirs.settingsPage),
      ratio(ours.settingsPage, theirs.settingsPage),
    ],
    [
      "Login page loads formik / yup",
      ours.loginLoadsFormLibraries ? "yes" : "no",
      theirs.loginLoadsFormLibraries ? "yes" : "no",
      "",
    ],
    [
      "Settings, direct load",
      timed(ours.load.direct),
      timed(theirs.load.direct),
      ratio(ours.load.direct.ms, theirs.load.direct.ms),
    ],
    [
      "Settings, from the groups list",
      timed(ours.load.list),
      timed(theirs.load.list),
      ratio(ours.load.list.ms, theirs.load.list.ms),
    ],
    [
      "Settings, after hovering its link",
      timed(ours.load.hover),
      timed(theirs.load.hover),
      ratio(ours.load.hover.ms, theirs.load.hover.ms),
    ],
    [
      "Save (a raised budget) → group page with the saved values",
      timed(ours.save),
      timed(theirs.save),
      ratio(ours.save.ms, theirs.save.ms),
    ],
    [
      `${LARGE_GROUP_SIZE.toLocaleString("en-US")} members: direct load`,
      timed(ours.largeLoad),
      timed(theirs.largeLoad),
      ratio(ours.largeLoad.ms, theirs.largeLoad.ms),
    ],
    [
      `${LARGE_GROUP_SIZE.toLocaleString("en-US")} members: save (a raised budget)`,
      timed(ours.largeSave),
      timed(theirs.largeSave),
      ratio(ours.largeSave.ms, theirs.largeSave.ms),
    ],
    [
      "Lighthouse performance (desktop)",
      ours.lighthouse.performance.toFixed(2),
      theirs.lighthouse.performance.toFixed(2),
      ratio(ours.lighthouse.performance, theirs.lighthouse.performance),
    ],
    [
      "Lighthouse accessibility",
      ours.lighthouse.accessibility.toFixed(2),
      theirs.lighthouse.accessibility.toFixed(2),
      ratio(ours.lighthouse.accessibility, theirs.lighthouse.accessibility),
    ],
  ];
  return [
    "| measure | this app | reconstruction | ratio |",
    "| --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

function costTable(app: AppUnderTest): string {
  const sorted = [...app.costs.entries()].sort((a, b) => b[1] - a[1]);
  return [
    "| package | bytes it adds to the build (before minification) |",
    "| --- | --- |",
    ...sorted.map(([name, bytes]) => `| ${name} | ${kB(bytes)} |`),
  ].join("\n");
}

const ours: AppUnderTest = {
  name: "this app",
  outDir: path.join(ROOT, "dist"),
  configFile: path.join(ROOT, "vite.config.ts"),
  costs: new Map(),
  chunkPackages: new Map(),
};
const theirs: AppUnderTest = {
  name: "reconstruction",
  outDir: path.join(ROOT, "dist-reconstruction"),
  configFile: path.join(ROOT, "bench/reconstruction/vite.config.ts"),
  costs: new Map(),
  chunkPackages: new Map(),
};
for (const app of [ours, theirs]) {
  await build({ configFile: app.configFile, mode: "production", logLevel: "warn", plugins: [costPlugin(app)] });
}

const browser = await launchChromium();
try {
  console.log(`Measuring this app (${RUNS} runs each, ${LATENCY_MS} ms API latency)…`);
  const ourResults = await benchApp(ours, browser);
  console.log("Measuring the reconstruction…");
  const theirResults = await benchApp(theirs, browser);
  const main = table(ourResults, theirResults);
  const report = [
    "# Benchmark",
    "",
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Chromium ${browser.version()}, the embedded server with ${LATENCY_MS} ms added to every API answer, median of ${RUNS} runs; waves are the longest chain of API requests each waiting for the one before. Ratio: this app ÷ reconstruction.`,
    "",
    main,
    "",
    "## What each dependency costs (this app)",
    "",
    costTable(ours),
    "",
  ].join("\n");
  writeFileSync(path.join(ROOT, "docs/bench.md"), report);
  console.log(`\n${main}\n\n${costTable(ours)}\n\nWritten to docs/bench.md`);
} finally {
  await browser.close();
}
