// `npm run load`: 200 connections of mixed budget GET/PUT for 30 s against a
// fresh embedded server (loopback, its own data directory), then the checks.
import { SEED_GROUPS } from "../server/seed";
import { signIn, startServerProcess } from "../test/serverProcess";
import { runLoad } from "./loadRun";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};

const server = await startServerProcess();
try {
  const result = await runLoad({
    url: server.url,
    token: await signIn(server.url, "admin"),
    groupId: SEED_GROUPS.find((g) => g.name === "developers")!.id,
    seconds: arg("seconds", 30),
    connections: arg("connections", 200),
  });
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
  console.log(`final budget ${result.finalMicros} micros; newest audit row says ${result.newestAuditMicros}`);
  console.log(
    result.consistent && result.serverErrors === 0 && result.networkErrors === 0
      ? "OK: no 5xx; database, audit log and last answer agree"
      : "FAILED",
  );
  process.exitCode = result.consistent && result.serverErrors === 0 && result.networkErrors === 0 ? 0 : 1;
} finally {
  await server.stop();
}
