// `npx tsx bench/report.ts`: the spend report with a 100,000-row export, in
// Chromium against the embedded server (the export answer replaced by a
// generated file of that size). Measures the time to the tables and how long
// the page's main thread is ever blocked while it parses and sums.
import { ensureBuild } from "../server/build";
import { spendExportCsv, type SpendExportRow } from "../core/domain/spendExport";
import { signIn, startServerProcess } from "../test/serverProcess";
import { launchChromium } from "../test/e2e/browser";

const ROWS = Number(process.env.REPORT_ROWS ?? 100_000);
const RUNS = Number(process.env.REPORT_RUNS ?? 3);

/** A month of a large organization: 2,000 users in 40 groups, 8 models of 4 providers. */
function largeExport(count: number): string {
  const models = [
    ["claude-sonnet-4-5", "anthropic"],
    ["claude-haiku-4-5", "anthropic"],
    ["claude-opus-4-1", "anthropic"],
    ["gpt-5", "openai"],
    ["gpt-5-mini", "openai"],
    ["o3", "openai"],
    ["gemini-2.5-pro", "google"],
    ["mistral-large", "mistral"],
  ] as const;
  const rows: SpendExportRow[] = Array.from({ length: count }, (_, i) => {
    const user = i % 2_000;
    const [model, provider] = models[(i * 7) % models.length]!;
    return {
      user_id: `00000000-0000-4000-8000-${String(user).padStart(12, "0")}`,
      username: `user${user}`,
      group_id: `0a7c5d5e-0000-4000-9000-${String(user % 40).padStart(12, "0")}`,
      group_name: `group-${user % 40}`,
      organization_id: "0a7c5d5e-0000-4000-8000-000000000001",
      organization_name: "coder",
      model,
      provider,
      provider_name: `${provider}-${i % 3}`,
      input_tokens: 1_000 + (i % 997) * 31,
      output_tokens: 100 + (i % 331) * 7,
      cache_read_tokens: i % 5_000,
      cache_write_tokens: i % 700,
      cost_micros: 10_000 + ((i * 7_919) % 4_000_000),
    };
  });
  return spendExportCsv(rows, { start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z") });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

ensureBuild();
const csv = largeExport(ROWS);
const [server, browser] = await Promise.all([startServerProcess(), launchChromium()]);
try {
  const token = await signIn(server.url, "admin");
  const results: { toTables: number; longestTask: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1100, height: 900 } });
    await context.addCookies([{ name: "coder_session_token", value: token, url: server.url }]);
    const page = await context.newPage();
    await page.route("**/api/v2/organizations/coder/ai/spend/export*", (route) =>
      route.fulfill({ status: 200, contentType: "text/csv; charset=utf-8", body: csv }),
    );
    // Long tasks (the main thread busy 50 ms or more), from the first script on.
    await page.addInitScript(() => {
      const w = window as unknown as { longest: number; tasks: string[] };
      w.longest = 0;
      w.tasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          w.longest = Math.max(w.longest, entry.duration);
          w.tasks.push(`${Math.round(entry.startTime)}+${Math.round(entry.duration)}`);
        }
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto("/organizations/coder/ai-spend");
    const toTables = await (
      await page.waitForFunction(
        () => (document.querySelector("table caption")?.textContent === "By user" ? performance.now() : false),
        undefined,
        {
          timeout: 120_000,
        },
      )
    ).jsonValue();
    const { longest } = await page
      .evaluate(() => {
        const w = window as unknown as { longest: number; tasks: string[] };
        return { longest: w.longest, tasks: w.tasks };
      })
      .then((measured) => {
        if (process.env.REPORT_TASKS)
          console.log(
            `  long tasks (start+ms): ${measured.tasks.join(" ")}, tables at ${Math.round(Number(toTables))}`,
          );
        return measured;
      });
    results.push({ toTables: Number(toTables), longestTask: longest });
    await context.close();
  }
  console.log(
    `Spend report, ${ROWS.toLocaleString("en-US")} rows (${(csv.length / 1_048_576).toFixed(1)} MB of CSV), median of ${RUNS}:`,
  );
  console.log(`  navigation to the tables: ${Math.round(median(results.map((r) => r.toTables)))} ms`);
  console.log(`  longest main-thread task: ${Math.round(median(results.map((r) => r.longestTask)))} ms`);
} finally {
  await browser.close();
  await server.stop();
}
