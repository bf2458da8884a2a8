// Malformed and hostile input for every route and parameter: never a 5xx, never a change.
import { call, differences, row, snapshot, developers, userId, isRefusal, type AttackRow, type Client } from "./common";

const HOSTILE_SEGMENTS = [
  "%00",
  "a%00b",
  "%01",
  "%E0%A4%A",
  "%ED%A0%80",
  "..%2F..%2Fetc%2Fpasswd",
  "'%20OR%20'1'%3D'1",
  "x".repeat(4000),
  "%F0%9F%92%A9",
  "-1",
  "00000000-0000-0000-0000-000000000000",
  "%22%3E%3Cscript%3E",
];

const HOSTILE_BODIES = [
  "",
  "{",
  "null",
  "[]",
  '"x"',
  "1e999",
  '{"spend_limit_micros":1e400}',
  '{"spend_limit_micros":-1}',
  '{"spend_limit_micros":"1"}',
  '{"spend_limit_micros":9007199254740993}',
  '{"spend_limit_micros":1.5}',
  "[".repeat(50_000),
  '{"name":"a\\u0000b"}',
  '{"display_name":"\\ud800"}',
  '{"avatar_url":"//evil.example/x.png"}',
  `{"avatar_url":"https://example.com/${"a".repeat(900_000)}"}`,
  '{"add_users":["not-a-uuid"]}',
  `{"add_users":["${userId("researchadmin")}"]}`,
  '{"quota_allowance":1e300}',
  '{"group_id":"\\u0000","spend_limit_micros":1}',
  '{"checks":{"a":{"object":{"resource_type":"group","resource_id":"\\u0000"},"action":"read"}}}',
  `{"checks":${JSON.stringify(Object.fromEntries(Array.from({ length: 9000 }, (_, i) => [`c${i}`, { object: { resource_type: "group", resource_id: developers.id }, action: "read" }])))}}`,
  '{"checks":{"a":null,"b":"x","c":{"object":5,"action":[]}}}',
  '{"email":"x\\u0000","password":"y"}',
  '{"email":["a"],"password":{}}',
];

const HOSTILE_QUERIES = [
  "user_ids=",
  "user_ids=%00",
  `user_ids=${Array.from({ length: 101 }, () => userId("bob")).join(",")}`,
  "user_ids=not-a-uuid",
  `user_ids=${userId("bob")}&extra=1`,
  "limit=1e400&offset=-1",
  "limit=1.5",
  "offset=99999999999999999999",
  "limit=%00",
];

const ROUTE_TEMPLATES: { method: string; path: string; body: boolean; query?: boolean }[] = [
  { method: "GET", path: "/organizations/{org}/groups", body: false },
  { method: "GET", path: "/organizations/{org}/groups/{name}", body: false },
  { method: "GET", path: "/groups/{group}", body: false },
  { method: "PATCH", path: "/groups/{group}", body: true },
  { method: "GET", path: "/groups/{group}/ai/budget", body: false },
  { method: "PUT", path: "/groups/{group}/ai/budget", body: true },
  { method: "DELETE", path: "/groups/{group}/ai/budget", body: false },
  { method: "GET", path: "/groups/{group}/members/ai/spend", body: false, query: true },
  { method: "GET", path: "/organizations/{org}/groups/ai/spend", body: false, query: true },
  { method: "GET", path: "/users/{user}/ai/budget/override", body: false },
  { method: "PUT", path: "/users/{user}/ai/budget/override", body: true },
  { method: "DELETE", path: "/users/{user}/ai/budget/override", body: false },
  { method: "GET", path: "/users/{user}/ai/spend", body: false },
  { method: "GET", path: "/audit", body: false, query: true },
  { method: "POST", path: "/authcheck", body: true },
  { method: "POST", path: "/users/login", body: true },
];

const VALID = { org: "coder", name: "developers", group: developers.id, user: "bob" };

export async function malformedInputAttack(client: Client): Promise<AttackRow> {
  const result = row("malformed input: every route, parameter and body");
  const before = await snapshot(client);
  const send = async (method: string, path: string, body?: string) => {
    const { status } = await call(client, "admin", method, path, body);
    result.attempts += 1;
    if (status >= 500) {
      result.serverErrors += 1;
      result.note += `${method} ${path.slice(0, 80)} → ${status}; `;
    }
    if (isRefusal(status)) result.refusals += 1;
  };
  for (const route of ROUTE_TEMPLATES) {
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as keyof typeof VALID);
    const fill = (hostile: keyof typeof VALID | undefined, value: string) =>
      route.path.replace(/\{(\w+)\}/g, (_, name: keyof typeof VALID) => (name === hostile ? value : VALID[name]));
    for (const param of params) {
      for (const segment of HOSTILE_SEGMENTS)
        await send(route.method, fill(param, segment), route.body ? '{"spend_limit_micros":1}' : undefined);
    }
    if (route.body) for (const body of HOSTILE_BODIES) await send(route.method, fill(undefined, ""), body);
    if (route.query) for (const query of HOSTILE_QUERIES) await send(route.method, `${fill(undefined, "")}?${query}`);
  }
  result.dataLost = differences(before, await snapshot(client));
  return result;
}
