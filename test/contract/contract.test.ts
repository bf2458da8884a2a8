// One list of requests and the answers Coder's contract gives, run against the
// MSW handlers (what the component tests and Storybook use) and against the
// embedded server, so the mocks cannot drift from the backend.
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlers, mockBackend, resetMockBackend } from "../../src/testHelpers/handlers";
import { parseCoderVersion, versionHasAIBudgets } from "../../src/api/buildInfo";
import { openTestApi, type TestApi } from "../../server/testHarness";

interface Answer {
  status: number;
  body: unknown;
  etag: string | null;
}

interface Backend {
  call(method: string, path: string, body?: string, signedIn?: boolean, headers?: Record<string, string>): Promise<Answer>;
  setEntitled(entitled: boolean): void;
}

interface Ids {
  developers: string;
}

interface Step {
  name: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: (ids: Ids) => string;
  body?: unknown;
  rawBody?: string;
  /** Request headers; "$etag" stands for the ETag of the last answer that had one. */
  headers?: Record<string, string>;
  /** The answer carries an ETag. */
  etag?: boolean;
  signedIn?: boolean;
  entitled?: boolean;
  status: number;
  /** The fields the answer must carry, exactly; other fields are checked by type only. */
  expect?: Record<string, unknown>;
  /** The keys a success body must have, each with its JSON type. */
  shape?: Record<string, string>;
}

const GROUP_SHAPE = {
  id: "string",
  name: "string",
  display_name: "string",
  organization_id: "string",
  organization_name: "string",
  organization_display_name: "string",
  members: "array",
  total_member_count: "number",
  avatar_url: "string",
  quota_allowance: "number",
  source: "string",
};
const BUDGET_SHAPE = { group_id: "string", spend_limit_micros: "number", created_at: "string", updated_at: "string" };
const NOT_FOUND = { message: "Resource not found or you do not have access to this resource" };
const budget = (ids: Ids) => `/groups/${ids.developers}/ai/budget`;

const steps: Step[] = [
  { name: "sign-in methods, signed out", method: "GET", path: () => "/users/authmethods", signedIn: false, status: 200, expect: { password: { enabled: true }, github: { enabled: false }, oidc: { enabled: false } }, shape: { oidc: "object" } },
  { name: "build info, signed out", method: "GET", path: () => "/buildinfo", signedIn: false, status: 200, shape: { version: "string", external_url: "string" } },
  { name: "me without a session", method: "GET", path: () => "/users/me", signedIn: false, status: 401, expect: { message: "You are not signed in." } },
  { name: "login with a wrong password", method: "POST", path: () => "/users/login", body: { email: "admin@example.com", password: "wrong" }, signedIn: false, status: 401, expect: { message: "Incorrect email or password." } },
  { name: "login", method: "POST", path: () => "/users/login", body: { email: "admin@example.com", password: "SomeSecurePassword!" }, signedIn: false, status: 201, shape: { session_token: "string" } },
  { name: "me", method: "GET", path: () => "/users/me", status: 200, expect: { username: "admin", email: "admin@example.com" }, shape: { id: "string", roles: "array", organization_ids: "array", status: "string", created_at: "string", name: "string", avatar_url: "string" } },
  { name: "entitlements", method: "GET", path: () => "/entitlements", status: 200, expect: { features: { aibridge: { entitlement: "entitled", enabled: true } } }, shape: { has_license: "boolean", warnings: "array", errors: "array" } },
  { name: "group by name", method: "GET", path: () => "/organizations/coder/groups/developers", status: 200, expect: { name: "developers", total_member_count: 7 }, shape: GROUP_SHAPE },
  { name: "unknown group by name", method: "GET", path: () => "/organizations/coder/groups/nope", status: 404, expect: NOT_FOUND },
  { name: "group by id", method: "GET", path: (ids) => `/groups/${ids.developers}`, status: 200, expect: { name: "developers" }, shape: GROUP_SHAPE },
  { name: "authcheck", method: "POST", path: () => "/authcheck", body: { checks: { canUpdateGroup: { object: { resource_type: "group" }, action: "update" } } }, status: 200, expect: { canUpdateGroup: true } },
  { name: "budget", method: "GET", path: budget, status: 200, etag: true, expect: { spend_limit_micros: 1_000_000_000 }, shape: BUDGET_SHAPE },
  { name: "write naming the loaded version", method: "PUT", path: budget, headers: { "If-Match": "$etag" }, body: { spend_limit_micros: 2_000_000_000 }, status: 200, etag: true, expect: { spend_limit_micros: 2_000_000_000 } },
  { name: "write naming a version never made", method: "PUT", path: budget, headers: { "If-Match": '"999999"' }, body: { spend_limit_micros: 3 }, status: 412, etag: true, expect: { message: "The AI budget was changed by someone else.", current: { spend_limit_micros: 2_000_000_000 } } },
  { name: "create over an existing budget", method: "PUT", path: budget, headers: { "If-None-Match": "*" }, body: { spend_limit_micros: 3 }, status: 412, expect: { current: { spend_limit_micros: 2_000_000_000 } } },
  { name: "stale delete", method: "DELETE", path: budget, headers: { "If-Match": '"999999"' }, status: 412 },
  { name: "set a budget", method: "PUT", path: budget, body: { spend_limit_micros: 25_000_000 }, status: 200, expect: { spend_limit_micros: 25_000_000 }, shape: BUDGET_SHAPE },
  { name: "set 0", method: "PUT", path: budget, body: { spend_limit_micros: 0 }, status: 200, expect: { spend_limit_micros: 0 } },
  { name: "set the maximum", method: "PUT", path: budget, body: { spend_limit_micros: 1_000_000_000_000 }, status: 200, expect: { spend_limit_micros: 1_000_000_000_000 } },
  { name: "above the maximum", method: "PUT", path: budget, body: { spend_limit_micros: 1_000_000_000_001 }, status: 400, expect: { message: "Invalid AI spend limit.", validations: [{ field: "spend_limit_micros", detail: "Must not exceed 1000000000000." }] } },
  { name: "negative", method: "PUT", path: budget, body: { spend_limit_micros: -1 }, status: 400, expect: { message: "Invalid AI spend limit.", validations: [{ field: "spend_limit_micros", detail: "Must not be negative." }] } },
  { name: "not an integer", method: "PUT", path: budget, body: { spend_limit_micros: 1.5 }, status: 400, expect: { message: "Invalid AI spend limit." } },
  { name: "a string", method: "PUT", path: budget, body: { spend_limit_micros: "25" }, status: 400, expect: { message: "Invalid AI spend limit." } },
  { name: "extra fields", method: "PUT", path: budget, body: { spend_limit_micros: 1, note: "x" }, status: 400, expect: { message: "Request body has unknown fields." } },
  { name: "broken JSON", method: "PUT", path: budget, rawBody: "{", status: 400, expect: { message: "Request body must be valid JSON." } },
  { name: "still the maximum after refusals", method: "GET", path: budget, status: 200, etag: true, expect: { spend_limit_micros: 1_000_000_000_000 } },
  { name: "remove the budget", method: "DELETE", path: budget, status: 204 },
  { name: "no budget", method: "GET", path: budget, status: 404, expect: NOT_FOUND },
  { name: "remove again", method: "DELETE", path: budget, status: 404, expect: NOT_FOUND },
  { name: "rename to a taken name", method: "PATCH", path: (ids) => `/groups/${ids.developers}`, body: { name: "contractors", add_users: [], remove_users: [] }, status: 409, expect: { message: 'A group named "contractors" already exists.', validations: [{ field: "name", detail: "This name is already taken." }] } },
  { name: "rename to a bad name", method: "PATCH", path: (ids) => `/groups/${ids.developers}`, body: { name: "bad name" }, status: 400, expect: { message: "Invalid group settings." } },
  { name: "rename", method: "PATCH", path: (ids) => `/groups/${ids.developers}`, body: { name: "platform", add_users: [], remove_users: [] }, status: 200, expect: { name: "platform" }, shape: GROUP_SHAPE },
  { name: "unentitled budget read", method: "GET", path: budget, entitled: false, status: 403, expect: { message: "AI Gateway is a Premium feature. Contact sales!" } },
  { name: "unentitled budget write", method: "PUT", path: budget, body: { spend_limit_micros: 1 }, entitled: false, status: 403, expect: { message: "AI Gateway is a Premium feature. Contact sales!" } },
];

const jsonType = (value: unknown) => (Array.isArray(value) ? "array" : value === null ? "null" : typeof value);

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, etag: response.headers.get("etag") };
}

function mswBackend(): Backend & { close: () => void } {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: "error" });
  resetMockBackend();
  return {
    call: async (method, path, body, signedIn = true, headers = {}) => {
      mockBackend.signedIn = signedIn;
      return read(
        await fetch(`http://contract.test/api/v2${path}`, { method, body, headers: { "Content-Type": "application/json", ...headers } }),
      );
    },
    setEntitled: (entitled) => {
      mockBackend.aiEntitled = entitled;
    },
    close: () => server.close(),
  };
}

function serverBackend(api: TestApi): Backend {
  return {
    call: async (method, path, body, signedIn = true, headers = {}) =>
      read(await api.request(path, { method, body, headers, ...(signedIn ? { as: "admin" } : {}) })),
    setEntitled: (entitled) => {
      api.deps.aiEntitled = entitled;
    },
  };
}

async function runContract(backend: Backend) {
  const group = await backend.call("GET", "/organizations/coder/groups/developers");
  const ids: Ids = { developers: (group.body as { id: string }).id };
  let lastETag = "";
  for (const step of steps) {
    backend.setEntitled(step.entitled ?? true);
    const body = step.rawBody ?? (step.body === undefined ? undefined : JSON.stringify(step.body));
    const headers = Object.fromEntries(
      Object.entries(step.headers ?? {}).map(([name, value]) => [name, value === "$etag" ? lastETag : value]),
    );
    const answer = await backend.call(step.method, step.path(ids), body, step.signedIn ?? true, headers);
    const label = `${step.name}: ${step.method} ${step.path(ids)}`;
    expect(answer.status, label).toBe(step.status);
    if (step.etag) expect(answer.etag, `${label}: ETag`).toMatch(/^"\d+"$/);
    if (answer.etag) lastETag = answer.etag;
    if (step.expect) expect(answer.body, label).toMatchObject(step.expect);
    for (const [key, type] of Object.entries(step.shape ?? {})) {
      expect(jsonType((answer.body as Record<string, unknown>)[key]), `${label}: ${key}`).toBe(type);
    }
  }
  // Both speak the API of a Coder that has AI budgets.
  const info = (await backend.call("GET", "/buildinfo", undefined, false)).body as { version: string };
  expect(parseCoderVersion(info.version), info.version).toBeDefined();
  expect(versionHasAIBudgets(info.version), info.version).toBe(true);
}

describe("the contract", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it("holds for the MSW handlers", async () => {
    const backend = mswBackend();
    try {
      await runContract(backend);
    } finally {
      backend.close();
    }
  });

  it("holds for the embedded server", async () => {
    await runContract(serverBackend(api));
  });
});
