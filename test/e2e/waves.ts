import type { Page, Request } from "playwright-core";

export interface TimedRequest {
  method: string;
  path: string;
  start: number;
  end: number | undefined;
}

/**
 * Request waves: a request's wave is one more than the highest wave of any
 * request that had finished before it started, i.e. the length of the longest
 * chain of API requests that each could have waited for the one before.
 */
export function countWaves(requests: TimedRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const wave = new Map<TimedRequest, number>();
  for (const request of sorted) {
    let depth = 1;
    for (const earlier of sorted) {
      if (earlier === request) break;
      if (earlier.end !== undefined && earlier.end <= request.start) depth = Math.max(depth, wave.get(earlier)! + 1);
    }
    wave.set(request, depth);
  }
  return Math.max(0, ...wave.values());
}

/** Records the page's API requests with start and end times, from now on. */
export function watchApi(page: Page) {
  const log: TimedRequest[] = [];
  const open = new Map<Request, TimedRequest>();
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/api/")) return;
    const entry: TimedRequest = {
      method: request.method(),
      path: url.pathname,
      start: performance.now(),
      end: undefined,
    };
    open.set(request, entry);
    log.push(entry);
  });
  const finish = (request: Request) => {
    const entry = open.get(request);
    if (entry) entry.end = performance.now();
    open.delete(request);
  };
  page.on("requestfinished", finish);
  page.on("requestfailed", finish);
  return {
    log,
    reset: () => {
      log.length = 0;
    },
    /** Resolves once no API request has been open for `quietMs`. */
    settle: async (quietMs = 300) => {
      let quietSince = performance.now();
      while (performance.now() - quietSince < quietMs) {
        await page.waitForTimeout(50);
        if (open.size > 0) quietSince = performance.now();
      }
    },
  };
}

/**
 * The API paths the page had asked for before its data layer (axios, the
 * query cache) ran: main.ts's early requests. Read from the page's own
 * timeline, against the mark boot.ts sets as the data layer starts.
 */
export async function requestedBeforeDataLayer(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const dataLayer = performance.getEntriesByName("app:data-layer")[0];
    if (!dataLayer) throw new Error("The data layer never ran (no app:data-layer mark).");
    return performance
      .getEntriesByType("resource")
      .filter((entry) => new URL(entry.name).pathname.startsWith("/api/") && entry.startTime < dataLayer.startTime)
      .map((entry) => new URL(entry.name).pathname)
      .sort();
  });
}
