// A small in-memory Coder, for component tests, Storybook and the contract
// test. It answers the way the embedded server does: same wire types, same
// body checks, same statuses.
import { http, HttpResponse } from "msw";
import {
  AI_UNENTITLED_MESSAGE,
  BUDGET_CONFLICT_MESSAGE,
  type BudgetConflictResponse,
  type AuthMethods,
  type AuthorizationRequest,
  type BuildInfoResponse,
  SESSION_TOKEN_SIGN_IN_PATH,
  type Group,
  type GroupAIBudget,
  type Response,
  type User,
} from "../api/types";
import { checkPatchGroupBody, checkUpsertBudgetBody } from "../api/validation";
import { budgetETag, versionOfETag } from "../api/versions";
import { EMBEDDED_BACKEND_VERSION } from "../api/buildInfo";
import {
  MockMemberSpend,
  MockPeriod,
  MockBudget,
  MockEntitlements,
  MockEntitlementsWithoutAI,
  MockGroup,
  MockOrganizationName,
  MockOwner,
  MockSingleMemberGroup,
} from "./entities";

interface MockBackendState {
  groups: Group[];
  budgets: Map<string, GroupAIBudget>;
  /** Each budget's version, from one counter, as the server keeps them. */
  versions: Map<string, number>;
  nextVersion: number;
  aiEntitled: boolean;
  canUpdateGroups: boolean;
  signedIn: boolean;
  user: User;
  /** Each user's spend this period, in micros. */
  spend: Map<string, number>;
  /** Users governed by something other than the group asked about. */
  governedElsewhere: Map<string, { group_id: string; spend_limit_micros: number | null; limit_source: "group" | "user_override" }>;
  overrides: Map<string, { group_id: string; spend_limit_micros: number }>;
  /** What `GET /users/authmethods` says; the embedded backend's by default. */
  authMethods: AuthMethods;
  /** The version `GET /buildinfo` reports. */
  version: string;
}

const initialState = (): MockBackendState => ({
  groups: [structuredClone(MockGroup), structuredClone(MockSingleMemberGroup)],
  budgets: new Map([[MockBudget.group_id, structuredClone(MockBudget)]]),
  versions: new Map([[MockBudget.group_id, 1]]),
  nextVersion: 2,
  aiEntitled: true,
  canUpdateGroups: true,
  signedIn: true,
  user: MockOwner,
  spend: new Map(MockGroup.members.map((m) => [m.id, MockMemberSpend[m.username] ?? 0])),
  governedElsewhere: new Map(),
  overrides: new Map(),
  authMethods: {
    password: { enabled: true },
    github: { enabled: false },
    oidc: { enabled: false, signInText: "", iconUrl: "" },
  },
  version: EMBEDDED_BACKEND_VERSION,
});

/** The mock backend's data; tests may change it before rendering. */
export let mockBackend = initialState();

export function resetMockBackend(): void {
  mockBackend = initialState();
}

/** Another admin sets a budget behind the page's back. */
export function setBudgetElsewhere(groupId: string, spendLimitMicros: number | null): void {
  if (spendLimitMicros === null) {
    mockBackend.budgets.delete(groupId);
    mockBackend.versions.delete(groupId);
    return;
  }
  const now = new Date().toISOString();
  mockBackend.budgets.set(groupId, {
    group_id: groupId,
    spend_limit_micros: spendLimitMicros,
    created_at: mockBackend.budgets.get(groupId)?.created_at ?? now,
    updated_at: now,
  });
  mockBackend.versions.set(groupId, mockBackend.nextVersion++);
}

/** Whether the request's If-Match / If-None-Match agree with what is stored. */
function preconditionHolds(request: Request, groupId: string): boolean {
  const version = mockBackend.versions.get(groupId);
  const ifNoneMatch = request.headers.get("If-None-Match")?.trim();
  if (ifNoneMatch === "*") return version === undefined;
  const ifMatch = request.headers.get("If-Match")?.trim();
  if (ifMatch === undefined) return true;
  if (ifMatch === "*") return version !== undefined;
  return version !== undefined && versionOfETag(ifMatch.split(",")[0]) === version;
}

function conflict(groupId: string) {
  const version = mockBackend.versions.get(groupId);
  const body: BudgetConflictResponse = {
    message: BUDGET_CONFLICT_MESSAGE,
    detail: "It changed after you loaded it. Load it again, or save again to replace it.",
    current: mockBackend.budgets.get(groupId) ?? null,
  };
  return HttpResponse.json(body, {
    status: 412,
    headers: version === undefined ? {} : { ETag: budgetETag(version) },
  });
}

const error = (status: number, body: Response) => HttpResponse.json(body, { status });
const notFound = () => error(404, { message: "Resource not found or you do not have access to this resource" });
const unauthorized = () =>
  error(401, { message: "You are not signed in.", detail: "Sign in, or send a session token." });

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await request.json() };
  } catch {
    return { ok: false };
  }
}

const brokenJson = () =>
  error(400, { message: "Request body must be valid JSON.", detail: "Invalid JSON." });

const findGroupById = (id: string) => mockBackend.groups.find((g) => g.id === id);

function budgetRoute<T extends Record<string, string | readonly string[] | undefined>>(
  handle: (group: Group, request: Request) => Promise<globalThis.Response> | globalThis.Response,
) {
  return async ({ params, request }: { params: T; request: Request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return error(403, { message: AI_UNENTITLED_MESSAGE });
    const group = findGroupById(String(params.groupId));
    if (!group) return notFound();
    return handle(group, request);
  };
}

function memberSpend(group: Group, userId: string) {
  const budget = mockBackend.budgets.get(group.id);
  const override = mockBackend.overrides.get(userId);
  const elsewhere = override ? { ...override, limit_source: "user_override" as const } : mockBackend.governedElsewhere.get(userId);
  const governing = elsewhere
    ? { id: elsewhere.group_id, budget: elsewhere.spend_limit_micros === null ? null : { spend_limit_micros: elsewhere.spend_limit_micros, limit_source: elsewhere.limit_source } }
    : budget
      ? { id: group.id, budget: { spend_limit_micros: budget.spend_limit_micros, limit_source: "group" as const } }
      : { id: group.organization_id, budget: null };
  return {
    user_id: userId,
    effective_group_id: governing.id,
    effective_budget: governing.budget,
    group_budget: budget ? { spend_limit_micros: budget.spend_limit_micros } : null,
    group_spend_micros: mockBackend.spend.get(userId) ?? 0,
  };
}

const idsParam = (request: Request, name: string) =>
  (new URL(request.url).searchParams.get(name) ?? "").split(",").filter(Boolean);

export const handlers = [
  http.post("*/api/v2/users/login", async ({ request }) => {
    const body = await readJson(request);
    if (!body.ok) return brokenJson();
    const { email, password } = (body.value ?? {}) as Record<string, unknown>;
    if (email !== MockOwner.email || password !== "SomeSecurePassword!") {
      return error(401, { message: "Incorrect email or password." });
    }
    mockBackend.signedIn = true;
    return HttpResponse.json({ session_token: "mock-session-token" }, { status: 201 });
  }),

  http.get("*/api/v2/users/authmethods", () => HttpResponse.json(mockBackend.authMethods)),

  http.get("*/api/v2/buildinfo", ({ request }) => {
    const origin = new URL(request.url).origin;
    const body: BuildInfoResponse = {
      version: mockBackend.version,
      external_url: origin,
      dashboard_url: origin,
      workspace_proxy: false,
      upgrade_message: "",
    };
    return HttpResponse.json(body);
  }),

  // This app's own endpoint: a pasted session token; "mock-session-token" is the one that works.
  http.post(`*${SESSION_TOKEN_SIGN_IN_PATH}`, async ({ request }) => {
    const body = await readJson(request);
    if (!body.ok) return brokenJson();
    const token = (body.value as { session_token?: unknown } | null)?.session_token;
    if (typeof token !== "string" || token.trim() !== "mock-session-token") {
      return error(401, { message: "This session token was not accepted.", detail: "You are not signed in." });
    }
    mockBackend.signedIn = true;
    return HttpResponse.json(mockBackend.user);
  }),

  http.post("*/api/v2/users/logout", () => {
    mockBackend.signedIn = false;
    return HttpResponse.json({ message: "Logged out!" });
  }),

  http.get("*/api/v2/users/me", () =>
    mockBackend.signedIn ? HttpResponse.json(mockBackend.user) : unauthorized(),
  ),

  http.get("*/api/v2/entitlements", () =>
    HttpResponse.json(mockBackend.aiEntitled ? MockEntitlements : MockEntitlementsWithoutAI),
  ),

  http.post("*/api/v2/authcheck", async ({ request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const body = (await request.json()) as AuthorizationRequest;
    const answer: Record<string, boolean> = {};
    for (const [name, check] of Object.entries(body.checks)) {
      answer[name] = check.action === "read" || mockBackend.canUpdateGroups;
    }
    return HttpResponse.json(answer);
  }),

  http.get("*/api/v2/organizations/:organization/groups", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (params.organization !== MockOrganizationName) return notFound();
    return HttpResponse.json(mockBackend.groups);
  }),

  http.get("*/api/v2/organizations/:organization/groups/:groupName", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const group = mockBackend.groups.find(
      (g) => g.organization_name === params.organization && g.name === params.groupName,
    );
    return group ? HttpResponse.json(group) : notFound();
  }),

  http.get("*/api/v2/groups/:groupId", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const group = findGroupById(String(params.groupId));
    return group ? HttpResponse.json(group) : notFound();
  }),

  http.patch("*/api/v2/groups/:groupId", async ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const group = findGroupById(String(params.groupId));
    if (!group || !mockBackend.canUpdateGroups) return notFound();
    const body = await readJson(request);
    if (!body.ok) return brokenJson();
    const checked = checkPatchGroupBody(body.value);
    if (!checked.ok) return error(checked.status, checked.body);
    const { add_users: _add, remove_users: _remove, ...fields } = checked.value;
    if (
      fields.name !== undefined &&
      mockBackend.groups.some((g) => g.id !== group.id && g.name === fields.name)
    ) {
      return error(409, {
        message: `A group named "${fields.name}" already exists.`,
        validations: [{ field: "name", detail: "This name is already taken." }],
      });
    }
    Object.assign(group, fields);
    return HttpResponse.json(group);
  }),

  http.get("*/api/v2/groups/:groupId/members/ai/spend", ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return error(403, { message: AI_UNENTITLED_MESSAGE });
    const group = findGroupById(String(params.groupId));
    if (!group) return notFound();
    const ids = idsParam(request, "user_ids");
    if (ids.length > 100) return error(400, { message: "At most 100 ids may be asked for at once." });
    const members = new Set(group.members.map((m) => m.id));
    return HttpResponse.json({ ...MockPeriod, members: ids.filter((id) => members.has(id)).map((id) => memberSpend(group, id)) });
  }),

  http.get("*/api/v2/organizations/:organization/groups/ai/spend", ({ request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return error(403, { message: AI_UNENTITLED_MESSAGE });
    const groups = idsParam(request, "group_ids").flatMap((id) => {
      const group = findGroupById(id);
      if (!group) return [];
      const limit = mockBackend.budgets.get(id)?.spend_limit_micros ?? null;
      const spent = group.members.reduce((sum, m) => sum + (mockBackend.spend.get(m.id) ?? 0), 0);
      return [{ group_id: id, spend_limit_micros: limit, total_spend_limit_micros: limit === null ? null : limit * group.total_member_count, current_spend_micros: spent }];
    });
    return HttpResponse.json({ ...MockPeriod, groups });
  }),

  http.get("*/api/v2/users/:user/ai/budget/override", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const override = mockBackend.overrides.get(String(params.user));
    return override
      ? HttpResponse.json({ user_id: params.user, ...override, created_at: "2026-11-02T09:00:00Z", updated_at: "2026-11-02T09:00:00Z" })
      : notFound();
  }),

  http.put("*/api/v2/users/:user/ai/budget/override", async ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.canUpdateGroups) return notFound();
    const body = (await request.json()) as { group_id: string; spend_limit_micros: number };
    const checked = checkUpsertBudgetBody({ spend_limit_micros: body.spend_limit_micros });
    if (!checked.ok) return error(checked.status, checked.body);
    const member = findGroupById(body.group_id)?.members.some((m) => m.id === params.user);
    if (!member) return error(400, { message: "User is not a member of the referenced group." });
    mockBackend.overrides.set(String(params.user), { group_id: body.group_id, spend_limit_micros: checked.value });
    return HttpResponse.json({ user_id: params.user, ...body, created_at: "2026-11-02T09:00:00Z", updated_at: "2026-11-02T09:00:00Z" });
  }),

  http.delete("*/api/v2/users/:user/ai/budget/override", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.canUpdateGroups) return notFound();
    return mockBackend.overrides.delete(String(params.user)) ? new HttpResponse(null, { status: 204 }) : notFound();
  }),

  http.get(
    "*/api/v2/groups/:groupId/ai/budget",
    budgetRoute((group) => {
      const budget = mockBackend.budgets.get(group.id);
      const version = mockBackend.versions.get(group.id);
      return budget && version !== undefined
        ? HttpResponse.json(budget, { headers: { ETag: budgetETag(version) } })
        : notFound();
    }),
  ),

  http.put(
    "*/api/v2/groups/:groupId/ai/budget",
    budgetRoute(async (group, request) => {
      if (!mockBackend.canUpdateGroups) return notFound();
      const body = await readJson(request);
      if (!body.ok) return brokenJson();
      const checked = checkUpsertBudgetBody(body.value);
      if (!checked.ok) return error(checked.status, checked.body);
      if (!preconditionHolds(request, group.id)) return conflict(group.id);
      const now = new Date().toISOString();
      const previous = mockBackend.budgets.get(group.id);
      const budget: GroupAIBudget = {
        group_id: group.id,
        spend_limit_micros: checked.value,
        created_at: previous?.created_at ?? now,
        updated_at: now,
      };
      mockBackend.budgets.set(group.id, budget);
      const version = mockBackend.nextVersion++;
      mockBackend.versions.set(group.id, version);
      return HttpResponse.json(budget, { headers: { ETag: budgetETag(version) } });
    }),
  ),

  http.delete(
    "*/api/v2/groups/:groupId/ai/budget",
    budgetRoute((group, request) => {
      if (!mockBackend.canUpdateGroups) return notFound();
      if (mockBackend.budgets.has(group.id) && !preconditionHolds(request, group.id)) return conflict(group.id);
      if (!mockBackend.budgets.delete(group.id)) return notFound();
      mockBackend.versions.delete(group.id);
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];
