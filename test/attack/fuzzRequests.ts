// Generated requests for every route of the embedded backend's own table
// (server/routeTable.ts): path parameters, query strings, headers, session
// shapes and bodies, as the right role, the wrong one and none. Shared by the
// bounded server test (server/routeFuzz.test.ts) and the attack suite's row
// (test/attack/fuzz.ts); each brings its own way to send and to snapshot.
import fc from "fast-check";
import type { RouteEntry } from "../../server/routeTable";
import { body, headerText, pathSegment, query } from "./fuzzValues";

export const FUZZ_ROLES = ["admin", "useradmin", "orgadmin", "researchadmin", "auditor", "member"] as const;
export type FuzzRole = (typeof FUZZ_ROLES)[number];

export interface FuzzRequest {
  /** The route it was made from, as `PUT /api/v2/groups/:group/ai/budget`. */
  route: string;
  method: string;
  /** Path and query, from `/api/...`. */
  url: string;
  /** Who signs the request, and how: a role's real token in the header or the cookie, a forged one, or none. */
  auth: { role: FuzzRole | null; via: "header" | "cookie"; forged?: string };
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzAnswer {
  status: number;
  contentType: string;
  text: string;
}

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });
const headers = fc
  .record({
    "Content-Type": optional(
      fc.constantFrom(
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=utf-16",
        "application/xml",
        "*/*;;;",
      ),
    ),
    "If-Match": optional(fc.oneof(fc.constantFrom("*", '"0"', 'W/"x"', '"a", "b"', ""), headerText)),
    "If-None-Match": optional(fc.oneof(fc.constant("*"), headerText)),
    Origin: optional(fc.constantFrom("http://evil.example", "null", "not a url")),
    "Sec-Fetch-Site": optional(fc.constantFrom("cross-site", "same-site", "same-origin", "none")),
    "X-Forwarded-For": optional(headerText),
    "X-Forwarded-Proto": optional(fc.constantFrom("https", "http", "gopher")),
    Accept: optional(fc.constantFrom("text/html", "application/json", "*/*")),
  })
  .map(
    (record) =>
      Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Record<string, string>,
  );

const auth = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom<FuzzRole | null>(...FUZZ_ROLES, null).map((role) => ({ role, via: "header" as const })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...FUZZ_ROLES).map((role) => ({ role, via: "cookie" as const })) },
  { weight: 1, arbitrary: headerText.map((forged) => ({ role: null, via: "header" as const, forged })) },
  { weight: 1, arbitrary: headerText.map((forged) => ({ role: null, via: "cookie" as const, forged })) },
);

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];

/** A request for one route of the table: mostly its own method, sometimes another. */
function requestFor(route: RouteEntry): fc.Arbitrary<FuzzRequest> {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  const method =
    route.method === "ALL"
      ? fc.constantFrom(...METHODS)
      : fc.oneof(
          { weight: 5, arbitrary: fc.constant(route.method) },
          { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
        );
  return fc
    .record({ method, segments: fc.tuple(...names.map(pathSegment)), query, auth, headers, body })
    .map(({ method, segments, query, auth, headers, body }) => {
      let index = 0;
      const path = route.path.replace(/:(\w+)/g, () => segments[index++]!);
      return {
        route: `${route.method} ${route.path}`,
        method,
        url: query ? `${path}?${query}` : path,
        auth,
        headers,
        // A GET or HEAD cannot carry a body over fetch.
        body: method === "GET" || method === "HEAD" ? undefined : body,
      };
    });
}

/** A request for any route of the table. */
export const fuzzRequest = (routes: RouteEntry[]): fc.Arbitrary<FuzzRequest> =>
  fc.constantFrom(...routes).chain(requestFor);

/**
 * What must hold for every answer: never a 5xx; a refusal is JSON with a
 * `message`; and a refused request changed nothing (the snapshots before and
 * after it are the same). The problems found, in words; none when it held.
 */
export function answerProblems(request: FuzzRequest, answer: FuzzAnswer, before: string, after: string): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`answered ${answer.status}`);
  if (answer.status >= 400 && request.method !== "HEAD") {
    let message: unknown;
    try {
      message = (JSON.parse(answer.text) as { message?: unknown } | null)?.message;
    } catch {
      message = undefined;
    }
    if (!answer.contentType.includes("application/json") || typeof message !== "string" || message === "")
      problems.push(
        `answered ${answer.status} without a JSON message: ${answer.contentType} ${answer.text.slice(0, 120)}`,
      );
  }
  if (answer.status >= 400 && before !== after) problems.push(`refused with ${answer.status} but changed the data`);
  return problems;
}

/** One line for a report: the request, shortened. */
export function describeRequest(request: FuzzRequest): string {
  const who = request.auth.forged !== undefined ? "forged" : (request.auth.role ?? "anonymous");
  return `${request.method} ${request.url.slice(0, 160)} as ${who} (${request.auth.via}) ${JSON.stringify(request.headers)} body ${JSON.stringify(request.body?.slice(0, 160))}`;
}

/**
 * Every row of every table of the current schema, as text, through `run`.
 * The sign-in limiter's table is left out: counting a refused sign-in is its job.
 */
export async function snapshotRows(run: <Row>(sql: string) => Promise<Row[]>): Promise<string> {
  const tables = await run<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'sign_in_attempts'
     ORDER BY table_name`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await run<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t ORDER BY 1`);
    parts.push(`${table_name}: ${rows.map((r) => r.row).join("\n")}`);
  }
  return parts.join("\n");
}
