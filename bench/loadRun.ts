// Mixed budget reads and writes from many concurrent connections against one
// server, then a check that the database, the audit log and the last answer
// agree. Loopback only, bounded in requests and time.
import type { AuditLogResponse } from "../core/types";
import { formatMicrosAsUSD } from "../core/currency";

export interface LoadOptions {
  url: string;
  /** More servers on the same database: the connections are spread over `url` and these. */
  moreUrls?: string[];
  token: string;
  groupId: string;
  seconds: number;
  connections: number;
  /** Share of requests that are writes, 0..1. */
  writeShare?: number;
  /** A hard cap on requests, whatever the time. */
  maxRequests?: number;
}

export interface LoadResult {
  requests: number;
  byStatus: Record<number, number>;
  serverErrors: number;
  networkErrors: number;
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
  writesAccepted: number;
  finalMicros: number | null;
  /** The final budget as each server answers it, when there are several: they must agree. */
  finalMicrosByServer: (number | null)[];
  newestAuditMicros: string | null;
  auditRowsAdded: number;
  consistent: boolean;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const servers = [options.url, ...(options.moreUrls ?? [])];
  for (const server of servers) {
    const host = new URL(server).hostname;
    if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) && !host.startsWith("127.")) {
      throw new Error(`Load goes to loopback only, not ${host}`);
    }
  }
  const headers = { "Coder-Session-Token": options.token, "Content-Type": "application/json" };
  const budgetUrlOf = (server: string) => `${server}/api/v2/groups/${options.groupId}/ai/budget`;
  const auditCount = async () =>
    ((await (await fetch(`${options.url}/api/v2/audit?limit=1`, { headers })).json()) as AuditLogResponse).count;

  const auditBefore = await auditCount();
  const writeShare = options.writeShare ?? 0.3;
  const maxRequests = options.maxRequests ?? 1_000_000;
  const stopAt = Date.now() + options.seconds * 1000;
  const latencies: number[] = [];
  const byStatus: Record<number, number> = {};
  let networkErrors = 0;
  let writesAccepted = 0;
  let issued = 0;
  let nextValue = 1;

  const worker = async (_: unknown, index: number) => {
    const target = budgetUrlOf(servers[index % servers.length]!);
    while (Date.now() < stopAt && issued < maxRequests) {
      issued += 1;
      const write = Math.random() < writeShare;
      const started = performance.now();
      try {
        const response = await fetch(target, {
          method: write ? "PUT" : "GET",
          headers,
          body: write ? JSON.stringify({ spend_limit_micros: nextValue++ * 1_000_000 }) : undefined,
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
        if (write && response.status === 200) writesAccepted += 1;
      } catch {
        networkErrors += 1;
      }
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsedSeconds = (performance.now() - began) / 1000;

  const finalMicrosByServer = await Promise.all(
    servers.map(async (server) => {
      const final = await fetch(budgetUrlOf(server), { headers });
      return final.status === 200 ? ((await final.json()) as { spend_limit_micros: number }).spend_limit_micros : null;
    }),
  );
  const finalMicros = finalMicrosByServer[0]!;
  const audit = (await (await fetch(`${options.url}/api/v2/audit?limit=1`, { headers })).json()) as AuditLogResponse;
  const newestAuditMicros = (audit.audit_logs[0]?.diff.spend_limit_micros?.new as string | undefined) ?? null;
  const auditRowsAdded = audit.count - auditBefore;
  const expectedAudit = finalMicros === null ? null : formatMicrosAsUSD(finalMicros);
  latencies.sort((a, b) => a - b);
  const serverErrors = Object.entries(byStatus)
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    requests: latencies.length + networkErrors,
    byStatus,
    serverErrors,
    networkErrors,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    requestsPerSecond: latencies.length / elapsedSeconds,
    writesAccepted,
    finalMicros,
    finalMicrosByServer,
    newestAuditMicros,
    auditRowsAdded,
    consistent:
      auditRowsAdded === writesAccepted &&
      (writesAccepted === 0 || newestAuditMicros === expectedAudit) &&
      finalMicrosByServer.every((micros) => micros === finalMicros),
  };
}
