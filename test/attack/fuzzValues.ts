// What the route fuzzer (test/attack/fuzzRequests.ts) puts in a request: path
// segments, query strings and bodies, from the seeded deployment's own names
// to text no client should send.
import fc from "fast-check";
import { ORGANIZATION_ID, SECOND_ORGANIZATION_ID, SEED_GROUPS, SEED_USERS } from "../../server/seedData";

// Any code point, lone surrogates included (what a broken client or a JSON escape can send).
const anyChar = fc.oneof(
  { weight: 9, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
);
const unicode = (maxLength: number) => fc.string({ unit: anyChar, maxLength });
// What an HTTP header can carry at all: printable ASCII.
export const headerText = fc.string({ unit: "grapheme-ascii", maxLength: 80 });

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

export const pathSegment = (name: string) =>
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
export const query = fc.oneof(
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

export const body = fc.oneof(
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
