// A small in-memory Coder, for component tests, Storybook and the contract
// test. It answers the way the embedded server does: same wire types, same
// body checks, same statuses.
import { http, HttpResponse } from "msw";
import {
  AI_UNENTITLED_MESSAGE,
  type AuthorizationRequest,
  type Group,
  type GroupAIBudget,
  type Response,
  type User,
} from "../api/types";
import { checkPatchGroupBody, checkUpsertBudgetBody } from "../api/validation";
import {
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
  aiEntitled: boolean;
  canUpdateGroups: boolean;
  signedIn: boolean;
  user: User;
}

const initialState = (): MockBackendState => ({
  groups: [structuredClone(MockGroup), structuredClone(MockSingleMemberGroup)],
  budgets: new Map([[MockBudget.group_id, structuredClone(MockBudget)]]),
  aiEntitled: true,
  canUpdateGroups: true,
  signedIn: true,
  user: MockOwner,
});

/** The mock backend's data; tests may change it before rendering. */
export let mockBackend = initialState();

export function resetMockBackend(): void {
  mockBackend = initialState();
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

  http.get(
    "*/api/v2/groups/:groupId/ai/budget",
    budgetRoute((group) => {
      const budget = mockBackend.budgets.get(group.id);
      return budget ? HttpResponse.json(budget) : notFound();
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
      const now = new Date().toISOString();
      const previous = mockBackend.budgets.get(group.id);
      const budget: GroupAIBudget = {
        group_id: group.id,
        spend_limit_micros: checked.value,
        created_at: previous?.created_at ?? now,
        updated_at: now,
      };
      mockBackend.budgets.set(group.id, budget);
      return HttpResponse.json(budget);
    }),
  ),

  http.delete(
    "*/api/v2/groups/:groupId/ai/budget",
    budgetRoute((group) => {
      if (!mockBackend.canUpdateGroups) return notFound();
      if (!mockBackend.budgets.delete(group.id)) return notFound();
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];
