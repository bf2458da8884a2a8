// Generated requests for every route of the embedded backend's own table
// (server/routeTable.ts): path parameters, query strings, headers, session
// shapes and bodies, as the right role, the wrong one and none. Shared by the
// bounded server test (server/routeFuzz.test.ts) and the attack suite's row
// (test/attack/fuzz.ts); each brings its own way to send and to snapshot.
import fc from "fast-check";
import type { RouteEntry } from "../../server/routeTable";
import { ORGANIZATION_ID, SECOND_ORGANIZATION_ID, SEED_GROUPS, SEED_USERS } from "../../server/seedData";

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

// Any code point, lone surrogates included (what a broken client or a JSON escape can send).
const anyChar = fc.oneof(
  { weight: 9, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
);
const unicode = (maxLength: number) => fc.string({ unit: anyChar, maxLength });
// What an HTTP header can carry at all: printable ASCII.
const headerText = fc.string({ unit: "grapheme-ascii", maxLength: 80 });

const seededUser = (name: string) => SEED_USERS.find((u) => u.username === name)!.id;

/** Values a path parameter takes in the seeded deployment, so the fuzzer also reaches past the lookups. */
const KNOWN_VALUES: Record<string, string[]> = {
  organization: ["coder", "research", ORGANIZATION_ID, SECOND_ORGANIZATION_ID],
  group: [...SEED_GROUPS.map((g) => g.id), ORGANIZATION_ID, SECOND_ORGANIZATION_ID],
  groupName: [...SEED_GROUPS.map((g) => g.name), "everyone", "Everyone"],
  user: ["me", "bob", "admin", "member", seededUser("bob"), seededUser("researchadmin")],
};

/** A segment as a client would write it; text that encodeURIComponent refuses (a lone surrogate) goes as its raw bytes. */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text.replace(/[\s\S]/g, (char) => (/[\ud800-\udfff]/.test(char) ? "%ED%A0%80" : encodeURIComponent(char)));
  }
}

const HOSTILE_SEGMENTS = ["", "%00", "%E0%A4%A", "%ED%A0%80", "..", "%2E%2E", "%2F", "%25", "-1", "0", "null"];

const pathSegment = (name: string) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(KNOWN_VALUES[name] ?? ["x"])) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: unicode(40).map(encodeSegment) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 9000 }).map((n) => "x".repeat(n)) },
    { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
  );

const QUERY_KEYS = [
  "user_ids",
  "group_ids",
  "limit",
  "offset",
  "q",
  "period_start",
  "period_end",
  "provider_name",
  "model",
  "client",
];
const QUERY_VALUES = [
  "",
  "-1",
  "0",
  "1.5",
  "1e400",
  "99999999999999999999",
  "0000-01-01T00:00:00Z",
  "2026-02-30T00:00:00Z",
  "2026-11-01T24:00:00Z",
  "status:active",
  "me",
];
const queryValue = fc.oneof(
  fc.constantFrom(...QUERY_VALUES),
  unicode(30),
  fc.uuid(),
  fc.array(fc.uuid(), { maxLength: 120 }).map((ids) => ids.join(",")),
  fc.integer().map(String),
);
const query = fc.oneof(
  { weight: 3, arbitrary: fc.constant("") },
  {
    weight: 6,
    arbitrary: fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), unicode(8)), queryValue), { maxLength: 5 })
      .map((pairs) => new URLSearchParams(pairs).toString()),
  },
  { weight: 1, arbitrary: fc.constantFrom("q=%E0%A4%A", "q=%00", "limit=%ZZ", "&&&=", "q=%ED%A0%80", "=") },
);

const BODY_FIELDS = [
  "spend_limit_micros",
  "group_id",
  "name",
  "display_name",
  "avatar_url",
  "quota_allowance",
  "add_users",
  "remove_users",
  "checks",
  "email",
  "password",
  "session_token",
  "user",
  "spend_micros",
  "model",
  "provider",
  "input_tokens",
  "client",
];
const NUMBER_TEXTS = [
  "1e400",
  "-1e-400",
  "-0",
  "1.0",
  "1e3",
  "9007199254740993",
  "99999999999999999999999999",
  "1000000000001",
  "999999999999.99999",
  "0.0000001",
  "-1",
  "1000000000000",
];

const seededUserIds = SEED_USERS.map((u) => u.id);
/** Fields of the right type with values near the seeded deployment's, so writes get past the shape checks. */
const plausibleBody = fc
  .record(
    {
      spend_limit_micros: fc.oneof(fc.integer({ min: 0, max: 1_000_000_000_000 }), fc.constantFrom(0, 1, -1)),
      group_id: fc.constantFrom(...KNOWN_VALUES.group!),
      name: fc.oneof(fc.constantFrom(...KNOWN_VALUES.groupName!), unicode(40)),
      display_name: unicode(60),
      avatar_url: fc.oneof(fc.webUrl(), fc.constantFrom("", "javascript:alert(1)", "//evil.example/a.png")),
      quota_allowance: fc.integer(),
      add_users: fc.array(fc.oneof(fc.constantFrom(...seededUserIds), fc.uuid()), { maxLength: 4 }),
      remove_users: fc.array(fc.oneof(fc.constantFrom(...seededUserIds), fc.uuid()), { maxLength: 4 }),
      email: fc.oneof(fc.constantFrom(...SEED_USERS.map((u) => `${u.username}@example.com`)), unicode(40)),
      password: fc.constantFrom("SomeSecurePassword!", "wrong", ""),
      user: fc.constantFrom(...KNOWN_VALUES.user!),
      spend_micros: fc.oneof(fc.integer({ min: 1, max: 10_000_000 }), fc.maxSafeNat()),
    },
    { requiredKeys: [] },
  )
  .map((fields) => JSON.stringify(fields));

const body = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: plausibleBody },
  { weight: 3, arbitrary: fc.json({ maxDepth: 3 }) },
  {
    weight: 4,
    arbitrary: fc
      .dictionary(fc.constantFrom(...BODY_FIELDS), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
      .map((fields) => JSON.stringify(fields)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...BODY_FIELDS), fc.constantFrom(...NUMBER_TEXTS))
      .map(([field, number]) => `{"${field}":${number}}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...BODY_FIELDS), unicode(50))
      .map(([field, text]) => JSON.stringify({ [field]: text })),
  },
  { weight: 2, arbitrary: unicode(80) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1000, max: 1_200_000 }).map((n) => JSON.stringify({ name: "x".repeat(n) })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 100_000 }).map((n) => "[".repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom("", "{", "null", "[]", '"x"', "{}", '{"name":"a","name":"b"}', "\ufeff{}") },
);

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
 * Every row of every table of the current schema, as text, through `query`.
 * The sign-in limiter's table is left out: counting a refused sign-in is its job.
 */
export async function snapshotRows(query: <Row>(sql: string) => Promise<Row[]>): Promise<string> {
  const tables = await query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'sign_in_attempts'
     ORDER BY table_name`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t ORDER BY 1`);
    parts.push(`${table_name}: ${rows.map((r) => r.row).join("\n")}`);
  }
  return parts.join("\n");
}
