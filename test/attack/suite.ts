// The standing attack suite: what an attacker on loopback tries against a real
// server process, in bounded loops that stop by themselves. Each attack counts
// its attempts, the refusals, the data lost or changed by what was refused, and
// the 5xx answers; the last two must stay 0. Only 127.0.0.1 is ever a target.
import { abuseAttack } from "./abuse";
import { authorizationAttack } from "./authorization";
import type { AttackRow, Client, Scale } from "./common";
import { earlyAnswerAttack } from "./earlyAnswers";
import { fuzzAttack } from "./fuzz";
import { malformedInputAttack } from "./malformedInput";
import { twoServersOnPostgresAttack } from "./manyServers";
import { proxyAttack } from "./proxy";
import { diskFullAttack, killDuringWritesAttack, twoServersAttack } from "./storage";
import { signIn, startServerProcess } from "../serverProcess";

export { CI_SCALE, FULL_SCALE, LATENCY_LIMIT_MS, MEMORY_CEILING_MB, type AttackRow, type Scale } from "./common";

/**
 * The server under attack runs with a 512 MB JavaScript heap: a leak or an
 * unbounded buffer would crash it (and show as errors) instead of hiding in a
 * machine's spare memory.
 */
const HEAP_LIMIT = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=512`.trim() };

export async function runAttackSuite(scale: Scale): Promise<AttackRow[]> {
  const server = await startServerProcess({ env: HEAP_LIMIT });
  const rows: AttackRow[] = [];
  try {
    const client: Client = { url: server.url, tokens: new Map() };
    if (new URL(client.url).hostname !== "127.0.0.1") throw new Error("the attack suite targets loopback only");
    for (const name of ["admin", "useradmin", "orgadmin", "researchadmin", "member", "bob"])
      client.tokens.set(name, await signIn(server.url, name));
    rows.push(await authorizationAttack(client));
    rows.push(await malformedInputAttack(client));
    rows.push(await earlyAnswerAttack(client, scale));
    rows.push(await abuseAttack(client, server, scale));
    rows.push(await proxyAttack(client, scale));
    rows.push(await twoServersAttack(server, client));
    // Last on this server: without a PostgreSQL of its own the fuzzer uses this one, and may delete its groups.
    rows.push(await fuzzAttack(server, client, scale));
  } finally {
    await server.stop("SIGKILL");
  }
  rows.push(await twoServersOnPostgresAttack(scale));
  rows.push(await killDuringWritesAttack(scale));
  rows.push(await diskFullAttack(scale));
  return rows;
}

export function formatTable(rows: AttackRow[]): string {
  const header = ["attack", "attempts", "refusals", "let through", "data lost", "5xx", "note"];
  const cells = rows.map((r) => [
    r.attack,
    String(r.attempts),
    String(r.refusals),
    String(r.wronglyAccepted),
    String(r.dataLost),
    String(r.serverErrors),
    r.note,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...cells.map((c) => Math.min(c[i]!.length, i === 6 ? 120 : 60))),
  );
  const line = (c: string[]) => `| ${c.map((v, i) => v.slice(0, i === 6 ? 120 : 60).padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n");
}
