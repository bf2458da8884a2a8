// `npm run load`: 200 connections of mixed budget GET/PUT for 30 s against a
// fresh embedded server (loopback, its own data directory), then the checks.
// `-- --servers 2`: two servers on one throwaway PostgreSQL, the connections
// spread over both, as behind a load balancer; `--postgres` puts even one
// server on PostgreSQL instead of PGlite.
import { SEED_GROUPS } from "../server/seed";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../test/attack/postgres";
import { signIn, startServerProcess, type ServerProcess } from "../test/serverProcess";
import { runLoad } from "./loadRun";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};

const serverCount = arg("servers", 1);
if (!Number.isSafeInteger(serverCount) || serverCount < 1) throw new Error("--servers takes a whole number, 1 or more");
const onPostgres = serverCount > 1 || process.argv.includes("--postgres");

let postgres: ThrowawayPostgres | undefined;
const servers: ServerProcess[] = [];
try {
  if (onPostgres) {
    const started = await startThrowawayPostgres();
    if ("reason" in started) throw new Error(`Cannot run several servers on one PostgreSQL here: ${started.reason}`);
    postgres = started;
  }
  const env = postgres ? { DATABASE_URL: postgres.url } : undefined;
  // Started at once, as a deployment's replicas are: the first migrates and seeds, under a lock.
  servers.push(...(await Promise.all(Array.from({ length: serverCount }, () => startServerProcess({ env })))));
  const [first, ...more] = servers.map((s) => s.url);
  const result = await runLoad({
    url: first!,
    moreUrls: more,
    // One session for all: signed in on one server, it holds on every other.
    token: await signIn(first!, "admin"),
    groupId: SEED_GROUPS.find((g) => g.name === "developers")!.id,
    seconds: arg("seconds", 30),
    connections: arg("connections", 200),
  });
  console.log(
    `${serverCount} server${serverCount > 1 ? "s" : ""} on ${postgres ? "one PostgreSQL" : "PGlite"}, ${arg("connections", 200)} connections`,
  );
  console.table({
    requests: result.requests,
    "requests/s": Math.round(result.requestsPerSecond),
    "p50 ms": Number(result.p50Ms.toFixed(1)),
    "p99 ms": Number(result.p99Ms.toFixed(1)),
    "5xx": result.serverErrors,
    "network errors": result.networkErrors,
    "writes accepted": result.writesAccepted,
    "audit rows added": result.auditRowsAdded,
  });
  console.log(`statuses: ${JSON.stringify(result.byStatus)}`);
  console.log(
    `final budget ${result.finalMicrosByServer.join(" / ")} micros (as each server answers); newest audit row says ${result.newestAuditMicros}`,
  );
  const ok = result.consistent && result.serverErrors === 0 && result.networkErrors === 0;
  console.log(ok ? "OK: no 5xx; database, audit log, last answer and every server agree" : "FAILED");
  process.exitCode = ok ? 0 : 1;
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  postgres?.stop();
}
