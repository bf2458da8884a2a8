// A 45-day spend report in Chromium against the embedded backend, whose
// export (as Coder's) answers at most 31 days a request: the page asks in two
// parts with visible progress, shows the whole period's total, and downloads
// one CSV of the merged rows. The total is checked against the server's own
// export of the same parts, summed here.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { formatMicrosAsUSD } from "../../core/currency";
import { signIn } from "../serverProcess";
import { openSignedIn, seriousA11yViolations } from "./browser";
import { serverAndBrowser } from "./setup";

// A little latency, so the parts' progress is on screen long enough to see.
const running = serverAndBrowser({ env: { API_LATENCY_MS: "150" } });

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

/** The server's export of [start, end), summed in micros (the cost column). */
async function exportedMicros(token: string, start: number, end: number): Promise<bigint> {
  const query = new URLSearchParams({ period_start: rfc3339(start), period_end: rfc3339(end) });
  const response = await fetch(`${running.server.url}/api/v2/organizations/coder/ai/spend/export?${query}`, {
    headers: { "Coder-Session-Token": token },
  });
  expect(response.status).toBe(200);
  const [, ...rows] = (await response.text()).trimEnd().split("\n");
  return rows.reduce((sum, line) => sum + BigInt(line.split(",")[13]!), 0n);
}

it("shows a 45-day period's total from two export requests, and downloads it as one CSV", async () => {
  const today = Math.floor(Date.now() / DAY) * DAY;
  const from = today - 44 * DAY;
  const end = today + DAY;
  const token = await signIn(running.server.url, "admin");
  const expected =
    (await exportedMicros(token, from, from + 31 * DAY)) + (await exportedMicros(token, from + 31 * DAY, end));
  // The seeded months put spend on both sides of the cut, so both parts count.
  expect(expected).toBeGreaterThan(0n);

  const { page } = await openSignedIn(running.browser, running.server.url, "/organizations/coder/ai-spend", "admin");
  await page.getByRole("table", { name: "By model" }).waitFor();
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/ai/spend/export")) asked.push(new URL(request.url()).searchParams.toString());
  });
  await page.getByLabel("From", { exact: true }).fill(day(from));
  await page.getByLabel("To", { exact: true }).fill(day(today));
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await page.getByRole("progressbar", { name: "Loading the spend export" }).waitFor();
  await page.getByText(`${formatMicrosAsUSD(expected)} in total`).waitFor();
  expect(await page.getByRole("status").textContent()).toContain(`${formatMicrosAsUSD(expected)} in total`);
  const periods = asked.map((search) => new URLSearchParams(search));
  expect(periods.map((p) => [p.get("period_start"), p.get("period_end")])).toEqual(
    expect.arrayContaining([
      [rfc3339(from), rfc3339(from + 31 * DAY)],
      [rfc3339(from + 31 * DAY), rfc3339(end)],
    ]),
  );
  expect(await seriousA11yViolations(page)).toEqual([]);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`ai-spend-export-coder-${day(from)}-to-${day(end)}.csv`);
  const [header, ...lines] = readFileSync((await file.path())!, "utf8")
    .trimEnd()
    .split("\n");
  expect(header).toBe(
    "user_id,username,group_id,group_name,organization_id,organization_name,model,provider,provider_name,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,cost_micros,period_start,period_end",
  );
  const cells = lines.map((line) => line.split(","));
  expect(cells.reduce((sum, c) => sum + BigInt(c[13]!), 0n)).toBe(expected);
  for (const c of cells) expect([c[14], c[15]]).toEqual([rfc3339(from), rfc3339(end)]);
  // One row per user, group, provider and model: a row in both parts is merged.
  const keys = cells.map((c) => [c[0], c[2], c[7], c[8], c[6]].join("/"));
  expect(new Set(keys).size).toBe(keys.length);
});
