// Every route of the server's own table (server/routeTable.ts), fuzzed over
// HTTP against a real server process (test/attack/fuzzRequests.ts). On a
// throwaway PostgreSQL the rows themselves are compared around each request;
// without one, against the suite's own server, the API's view of them
// (budgets, groups, members, overrides, the audit count).
import fc from "fast-check";
import pg from "pg";
import { embeddedRouteTable } from "../../server/routeTable";
import { SESSION_TOKEN_COOKIE, SESSION_TOKEN_HEADER } from "../../core/types";
import { signIn, startServerProcess, type ServerProcess } from "../serverProcess";
import { row, snapshot, type AttackRow, type Client, type Scale } from "./common";
import {
  answerProblems,
  describeRequest,
  FUZZ_ROLES,
  fuzzRequest,
  snapshotRows,
  type FuzzRequest,
} from "./fuzzRequests";
import { startThrowawayPostgres } from "./postgres";

export async function fuzzAttack(main: ServerProcess, fallback: Client, scale: Scale): Promise<AttackRow> {
  const result = row("fuzzing: every route of the server's table");
  const postgres = await startThrowawayPostgres();
  let server: ServerProcess | undefined;
  let database: pg.Client | undefined;
  try {
    let client = fallback;
    let takeSnapshot = () => snapshot(fallback);
    if (!("reason" in postgres)) {
      server = await startServerProcess({ env: { DATABASE_URL: postgres.url } });
      client = { url: server.url, tokens: new Map() };
      database = new pg.Client({ connectionString: postgres.url });
      await database.connect();
      const db = database;
      takeSnapshot = () => snapshotRows(async (sql) => (await db.query(sql)).rows);
    }
    for (const role of FUZZ_ROLES) client.tokens.set(role, await signIn(client.url, role));
    const routes = embeddedRouteTable();
    const reached = new Set<string>();
    const send = async (request: FuzzRequest) => {
      const headers = new Headers(request.headers);
      const token = request.auth.forged ?? (request.auth.role ? client.tokens.get(request.auth.role) : undefined);
      if (token !== undefined) {
        if (request.auth.via === "header") headers.set(SESSION_TOKEN_HEADER, token);
        else headers.set("Cookie", `${SESSION_TOKEN_COOKIE}=${token}`);
      }
      const response = await fetch(`${client.url}${request.url}`, {
        method: request.method,
        headers,
        body: request.body,
      });
      return {
        status: response.status,
        contentType: response.headers.get("Content-Type") ?? "",
        text: await response.text(),
      };
    };

    let baseline = await takeSnapshot();
    for (const request of fc.sample(fuzzRequest(routes), { numRuns: scale.fuzzRuns, seed: 25 })) {
      reached.add(request.route);
      let answer: Awaited<ReturnType<typeof send>>;
      try {
        answer = await send(request);
      } catch (error) {
        // The server closed on the request: as bad as a 5xx.
        result.serverErrors += 1;
        result.note += `${describeRequest(request).slice(0, 200)} → ${String(error)}; `;
        continue;
      }
      result.attempts += 1;
      const after = await takeSnapshot();
      const problems = answerProblems(request, answer, baseline, after);
      baseline = after;
      if (answer.status >= 400) result.refusals += 1;
      if (answer.status >= 500) result.serverErrors += 1;
      if (problems.some((p) => p.includes("changed the data"))) result.dataLost += 1;
      // A refusal that is not JSON with a message: counted as let through, since it did not answer as a refusal must.
      if (problems.some((p) => p.includes("without a JSON message"))) result.wronglyAccepted += 1;
      if (problems.length > 0) result.note += `${describeRequest(request).slice(0, 200)}: ${problems.join(", ")}; `;
      // A sign-out ends the role's session: sign it in again (a write of ours, so a new baseline).
      if (request.auth.role && answer.status < 300 && request.url.startsWith("/api/v2/users/logout")) {
        client.tokens.set(request.auth.role, await signIn(client.url, request.auth.role).catch(() => ""));
        baseline = await takeSnapshot();
      }
    }
    // An unhandled rejection ends a Node process: the server must still be there.
    const target = server ?? main;
    if (target.child.exitCode !== null || target.child.signalCode !== null) {
      result.serverErrors += 1;
      result.note += "the server exited; ";
    }
    result.note =
      `${reached.size} of ${routes.length} routes reached, ${"reason" in postgres ? "the API's view compared (no PostgreSQL here)" : "every row compared around each request"}; ` +
      result.note.replace(/; $/, "");
  } finally {
    await database?.end();
    await server?.stop();
    if (!("reason" in postgres)) postgres.stop();
  }
  return result;
}
