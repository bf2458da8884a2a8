// What every attack shares: the scales and stated limits, the table row, the
// seeded deployment's names, and a client that calls the API as a seeded user.
import { ORGANIZATION_ID, SECOND_ORGANIZATION_ID, SEED_GROUPS, SEED_USERS } from "../../server/seedData";

export interface Scale {
  /** Rounds of each early answer on a kept connection. */
  earlyRounds: number;
  /** Sign-ins with unique 512 kB emails, and 100-check authchecks, sent while the server is measured. */
  hugeSignIns: number;
  bigAuthchecks: number;
  /** Uploads declaring 300 MB. */
  hugeUploads: number;
  /** Sockets held open with half-sent headers. */
  slowSockets: number;
  /** How long writes run before the SIGKILL. */
  writeMsBeforeKill: number;
  /** Budget writes sent while the data directory's disk is full. */
  diskFullWrites: number;
  /** Budget writes through one of two servers on one PostgreSQL, each read back through the other. */
  twoServerWrites: number;
  /** Rounds of 20 If-Match racers spread over the two servers. */
  ifMatchRounds: number;
  /** Generated requests over every route of the server's table (test/attack/fuzzRequests.ts). */
  fuzzRuns: number;
}

export const CI_SCALE: Scale = {
  earlyRounds: 3,
  hugeSignIns: 60,
  bigAuthchecks: 20,
  hugeUploads: 4,
  slowSockets: 30,
  writeMsBeforeKill: 1500,
  diskFullWrites: 150,
  twoServerWrites: 40,
  ifMatchRounds: 3,
  fuzzRuns: 150,
};
export const FULL_SCALE: Scale = {
  earlyRounds: 10,
  hugeSignIns: 500,
  bigAuthchecks: 200,
  hugeUploads: 20,
  slowSockets: 200,
  writeMsBeforeKill: 5000,
  diskFullWrites: 1000,
  twoServerWrites: 400,
  ifMatchRounds: 10,
  fuzzRuns: 1500,
};

/**
 * The stated limits under abuse: the server process (with a 512 MB JavaScript
 * heap) stays under 1 GB resident (PGlite and tsx alone take about 500 MB once
 * warm; the attacks in the issue took it to 2.16 GB), and a normal request
 * answers within 3 s.
 */
export const MEMORY_CEILING_MB = 1024;
export const LATENCY_LIMIT_MS = 3000;

export interface AttackRow {
  attack: string;
  attempts: number;
  refusals: number;
  /** Refused-kind attempts that were let through (read or wrote what the role may not). */
  wronglyAccepted: number;
  /** Acknowledged writes gone, or data changed by a refused attempt. */
  dataLost: number;
  serverErrors: number;
  note: string;
  /** For the abuse row: the peak resident memory (undefined where it cannot be read) and the slowest normal answer. */
  peakMb?: number;
  slowestMs?: number;
  /** Why the attack could not be run here (printed; never counted as held). */
  skipped?: string;
}

export const row = (attack: string): AttackRow => ({
  attack,
  attempts: 0,
  refusals: 0,
  wronglyAccepted: 0,
  dataLost: 0,
  serverErrors: 0,
  note: "",
});
export const isRefusal = (status: number) => status >= 400 && status < 500;

export const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
export const dataScience = SEED_GROUPS.find((g) => g.name === "data-science")!;
export const gpuLab = SEED_GROUPS.find((g) => g.name === "gpu-lab")!;
export const userId = (name: string) => SEED_USERS.find((u) => u.username === name)!.id;

export interface Client {
  url: string;
  tokens: Map<string, string>;
}

export async function call(
  client: Client,
  as: string | null,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${client.url}/api/v2${path}`, {
    method,
    body,
    headers: {
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...(as ? { "Coder-Session-Token": client.tokens.get(as)! } : {}),
      ...headers,
    },
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

/** What a refused attempt must not change: every budget, every group's name and members, every override, the audit count. */
export async function snapshot(client: Client): Promise<string> {
  const parts: unknown[] = [];
  for (const group of [...SEED_GROUPS.map((g) => g.id), ORGANIZATION_ID, SECOND_ORGANIZATION_ID]) {
    parts.push(
      await call(client, "admin", "GET", `/groups/${group}/ai/budget`).then((r) => [
        r.status,
        (r.json as { spend_limit_micros?: number })?.spend_limit_micros,
      ]),
    );
    parts.push(
      await call(client, "admin", "GET", `/groups/${group}`).then((r) => {
        const g = r.json as { name: string; display_name: string; avatar_url: string; members: { id: string }[] };
        return [g.name, g.display_name, g.avatar_url, g.members.map((m) => m.id).sort()];
      }),
    );
  }
  for (const user of SEED_USERS) {
    parts.push(
      await call(client, "admin", "GET", `/users/${user.username}/ai/budget/override`).then((r) => [
        r.status,
        (r.json as { spend_limit_micros?: number })?.spend_limit_micros,
      ]),
    );
  }
  parts.push(await call(client, "admin", "GET", "/audit?limit=1").then((r) => (r.json as { count: number }).count));
  return JSON.stringify(parts);
}

export function differences(before: string, after: string): number {
  const [a, b] = [JSON.parse(before) as unknown[], JSON.parse(after) as unknown[]];
  return a.filter((part, i) => JSON.stringify(part) !== JSON.stringify(b[i])).length;
}

/** Runs `work` over `items`, `width` at a time. */
export async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
