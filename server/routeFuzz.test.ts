// Every route of the server's own table, fuzzed (test/attack/fuzzRequests.ts):
// generated paths, queries, headers, sessions and bodies as each role. Never a
// 5xx, never an unhandled rejection, a refusal is JSON with a message, and a
// refused request leaves every row of the database as it was. Bounded for
// `npm test` (FUZZ_RUNS raises it; FUZZ_SEED replays a run).
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  answerProblems,
  describeRequest,
  FUZZ_ROLES,
  fuzzRequest,
  snapshotRows,
  type FuzzRequest,
} from "../test/attack/fuzzRequests";
import { SESSION_TOKEN_COOKIE, SESSION_TOKEN_HEADER } from "../core/types";
import { routeTable } from "./routeTable";
import { DEMO_PASSWORD } from "./seed";
import { embeddedRoutes } from "./server";
import { useTestApi } from "./testHarness";

const api = useTestApi();
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const snapshot = () => snapshotRows((sql) => api().db.query(sql));

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on("unhandledRejection", onUnhandled);
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});

describe("every route, fuzzed", () => {
  it("reads its routes from the server itself", () => {
    const table = routeTable(embeddedRoutes(api().api));
    // The routes a hand-kept list once named are all there, and the session sign-in beside the API.
    expect(table).toEqual(
      expect.arrayContaining([
        { method: "PUT", path: "/api/v2/groups/:group/ai/budget" },
        { method: "PATCH", path: "/api/v2/groups/:group" },
        { method: "PUT", path: "/api/v2/users/:user/ai/budget/override" },
        { method: "POST", path: "/api/app/session" },
      ]),
    );
    expect(table.some((r) => r.path.endsWith("*"))).toBe(false);
  });

  it(
    "answers every generated request without a 5xx, with a JSON message on every refusal, and changes nothing it refused",
    async () => {
      const app = embeddedRoutes(api().api);
      const routes = routeTable(app);
      const tokens = new Map<string, string>();
      for (const role of FUZZ_ROLES) tokens.set(role, await api().login(role));

      const send = async (request: FuzzRequest) => {
        const headers = new Headers(request.headers);
        const token = request.auth.forged ?? (request.auth.role ? tokens.get(request.auth.role) : undefined);
        if (token !== undefined) {
          if (request.auth.via === "header") headers.set(SESSION_TOKEN_HEADER, token);
          else headers.set("Cookie", `${SESSION_TOKEN_COOKIE}=${token}`);
        }
        const response = await app.request(request.url, { method: request.method, headers, body: request.body });
        return {
          status: response.status,
          contentType: response.headers.get("Content-Type") ?? "",
          text: await response.text(),
        };
      };

      const signInAgain = async (role: string) => {
        const response = await app.request("/api/v2/users/login", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ email: `${role}@example.com`, password: DEMO_PASSWORD }),
        });
        // The limiter may refuse after the fuzzer's own sign-ins: the role then goes on unsigned.
        if (response.status === 201)
          tokens.set(role, ((await response.json()) as { session_token: string }).session_token);
        else tokens.delete(role);
      };

      let baseline = await snapshot();
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(fuzzRequest(routes), async (request) => {
          seen.add(request.route);
          const answer = await send(request);
          const after = await snapshot();
          const problems = answerProblems(request, answer, baseline, after);
          baseline = after;
          // A sign-out ends the role's session: sign it in again for the requests after.
          if (request.auth.role && answer.status < 300 && request.url.startsWith("/api/v2/users/logout")) {
            await signInAgain(request.auth.role);
            baseline = await snapshot();
          }
          expect(problems, describeRequest(request)).toEqual([]);
        }),
        { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined, endOnFailure: true },
      );
      expect(unhandled).toEqual([]);
      // Bounded, but not narrow: most of the table is reached in one run.
      expect(seen.size).toBeGreaterThan(routes.length / 2);
    },
    Math.max(120_000, RUNS * 200),
  );
});
