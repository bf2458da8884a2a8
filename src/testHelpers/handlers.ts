// A small in-memory Coder, for component tests, Storybook and the contract
// test. It answers the way the embedded server does: same wire types, same
// body and query checks, same permissions (src/domain/permissions.ts), same
// budget rules (src/domain/budgetRules.ts), same statuses.
import { http, HttpResponse } from "msw";
import {
  AI_UNENTITLED_MESSAGE,
  BUDGET_CONFLICT_MESSAGE,
  NOT_A_GROUP_MEMBER_MESSAGE,
  ADD_OUTSIDER_MESSAGE,
  ROUTE_NOT_FOUND_MESSAGE,
  type AuditLog,
  type AuthMethods,
  type BudgetConflictResponse,
  type BuildInfoResponse,
  SESSION_TOKEN_SIGN_IN_PATH,
  type Group,
  type GroupAIBudget,
  type ReducedUser,
  type Response,
  type User,
  type UserAIBudgetOverride,
} from "../api/types";
import { checkAuthorizationBody, checkIdListQuery, checkPagingQuery, impossibleEmail, MAX_EMAIL_LENGTH, unstorableTextIn, checkPatchGroupBody, checkUpsertBudgetBody, checkUpsertOverrideBody } from "../api/validation";
import { EMBEDDED_BACKEND_VERSION } from "../api/buildInfo";
import { budgetETag, versionsOfIfMatch } from "../api/versions";
import { budgetAuditEntry, groupAuditEntry, overrideAuditEntry, type AuditEntry } from "../domain/audit";
import { inIdOrder, visibleMemberIds } from "../domain/budgetRules";
import {
  AI_SPEND_EXPORT_CONTENT_TYPE,
  aggregateUsage,
  exportPeriod,
  spendExportCsv,
  spendExportFilename,
  type UsageRecord,
} from "../domain/spendExport";
import { groupRow, memberRows, membersOf, userSpendStatus, type BudgetWorld } from "../domain/budgetWorld";
import * as permissions from "../domain/permissions";
import {
  MockBudget,
  MockEntitlements,
  MockEntitlementsWithoutAI,
  MockGroup,
  MockMemberSpend,
  MockMembers,
  MockOrgAdmin,
  MockOrganizationId,
  MockOrganizationName,
  MockOwner,
  MockPeriod,
  MockSingleMemberGroup,
} from "./entities";

export const MOCK_PASSWORD = "SomeSecurePassword!";

interface MockOrganization {
  id: string;
  name: string;
  display_name: string;
  is_default: boolean;
}

export interface MockUser extends ReducedUser {
  site_roles: string[];
}

interface MockOverride {
  group_id: string;
  spend_limit_micros: number;
  created_at: string;
  updated_at: string;
}

interface MockBackendState {
  organizations: MockOrganization[];
  users: MockUser[];
  organizationMembers: { organization_id: string; user_id: string; member_since: number; roles: string[] }[];
  /** Every group but the Everyone groups, whose members are their organization's. */
  groups: Group[];
  budgets: Map<string, GroupAIBudget>;
  /** Each budget's version, from one counter, as the server keeps them. */
  versions: Map<string, number>;
  nextVersion: number;
  overrides: Map<string, MockOverride>;
  /** This period's spend, each amount charged to the group that governed the user then. */
  spend: { user_id: string; group_id: string; micros: number }[];
  /** Each request's usage (model, provider, tokens, cost), for the CSV export. */
  usage?: UsageRecord[];
  auditLogs: AuditLog[];
  aiEntitled: boolean;
  signedIn: boolean;
  /** The signed-in user's id. */
  userId: string;
  /** What `GET /users/authmethods` says; the embedded backend's by default. */
  authMethods: AuthMethods;
  /** The version `GET /buildinfo` reports. */
  version: string;
}

/** The embedded backend's sign-in methods. */
export const EMBEDDED_AUTH_METHODS: AuthMethods = {
  password: { enabled: true },
  github: { enabled: false },
  oidc: { enabled: false, signInText: "", iconUrl: "" },
};

const FIXED_TIME = "2026-11-02T09:00:00.000Z";

const fixtureState = (): MockBackendState => {
  const users: MockUser[] = [
    { ...pickReduced(MockOwner), site_roles: ["owner"] },
    { ...pickReduced(MockOrgAdmin), site_roles: [] },
    ...MockMembers.map((m) => ({ ...m, site_roles: [] })),
  ];
  return {
    organizations: [{ id: MockOrganizationId, name: MockOrganizationName, display_name: "Coder", is_default: true }],
    users,
    organizationMembers: users.map((u, i) => ({
      organization_id: MockOrganizationId,
      user_id: u.id,
      member_since: Date.UTC(2026, 0, 1) + i * 60_000,
      roles: u.id === MockOrgAdmin.id ? ["organization-admin"] : [],
    })),
    groups: [structuredClone(MockGroup), structuredClone(MockSingleMemberGroup)],
    budgets: new Map([[MockBudget.group_id, structuredClone(MockBudget)]]),
    versions: new Map([[MockBudget.group_id, 1]]),
    nextVersion: 2,
    overrides: new Map(),
    spend: MockGroup.members.flatMap((m) => (MockMemberSpend[m.username] ? [{ user_id: m.id, group_id: MockGroup.id, micros: MockMemberSpend[m.username]! }] : [])),
    auditLogs: [],
    aiEntitled: true,
    signedIn: true,
    userId: MockOwner.id,
    authMethods: structuredClone(EMBEDDED_AUTH_METHODS),
    version: EMBEDDED_BACKEND_VERSION,
  };
};

function pickReduced(user: User): ReducedUser {
  const { id, username, email, name, avatar_url, status, created_at } = user;
  return { id, username, email, name, avatar_url, status, created_at };
}

/** The mock backend's data; tests may change it before rendering. */
export let mockBackend = fixtureState();

/** Starts again from the fixtures, or from another deployment (the contract test starts from the demo seed). */
export function resetMockBackend(state: () => MockBackendState = fixtureState): void {
  mockBackend = state();
}

export type { MockBackendState };

const userByName = (nameOrId: string) => mockBackend.users.find((u) => u.username === nameOrId || u.id === nameOrId);

/** Signs in as another user of the mock deployment, by username. */
export function mockSignIn(username: string): void {
  const user = userByName(username);
  if (!user) throw new Error(`No mock user ${username}`);
  mockBackend.userId = user.id;
  mockBackend.signedIn = true;
}

/** Adds a group (in the fixture organization unless told otherwise), with members by username and a budget. */
export function mockAddGroup(group: { id: string; name: string; members: string[]; budgetMicros?: number; organizationId?: string }): void {
  const organization = mockBackend.organizations.find((o) => o.id === (group.organizationId ?? MockOrganizationId))!;
  const members = group.members.map((name) => userByName(name)!).map(pickReducedUser);
  mockBackend.groups.push({
    ...structuredClone(MockGroup),
    id: group.id,
    name: group.name,
    display_name: "",
    organization_id: organization.id,
    organization_name: organization.name,
    organization_display_name: organization.display_name,
    members,
    total_member_count: members.length,
  });
  if (group.budgetMicros !== undefined) setBudgetElsewhere(group.id, group.budgetMicros);
}

/** Adds an organization (not the default) with the given users as members, joined after the first. */
export function mockAddOrganization(organization: { id: string; name: string; members: string[] }): void {
  mockBackend.organizations.push({ id: organization.id, name: organization.name, display_name: organization.name, is_default: false });
  for (const name of organization.members) {
    mockBackend.organizationMembers.push({ organization_id: organization.id, user_id: userByName(name)!.id, member_since: Date.UTC(2026, 5, 1), roles: [] });
  }
}

/** Adds users to the fixture organization (joined after everyone else). */
export function mockAddUsers(users: ReducedUser[]): void {
  for (const user of users) {
    mockBackend.users.push({ ...user, site_roles: [] });
    mockBackend.organizationMembers.push({ organization_id: MockOrganizationId, user_id: user.id, member_since: Date.UTC(2026, 1, 1), roles: [] });
  }
}

export function mockSetOverride(username: string, groupId: string, spendLimitMicros: number): void {
  mockBackend.overrides.set(userByName(username)!.id, { group_id: groupId, spend_limit_micros: spendLimitMicros, created_at: FIXED_TIME, updated_at: FIXED_TIME });
}

/** Records spend this period, charged to a group. */
export function mockChargeSpend(username: string, groupId: string, micros: number): void {
  mockBackend.spend.push({ user_id: userByName(username)!.id, group_id: groupId, micros });
}

/** Records a request's usage at `at`, and its cost as spend charged to the group. */
export function mockRecordUsage(
  username: string,
  groupId: string,
  usage: Omit<UsageRecord, "user_id" | "group_id" | "created_at">,
  at: Date = new Date(),
): void {
  const user_id = userByName(username)!.id;
  (mockBackend.usage ??= []).push({ ...usage, user_id, group_id: groupId, created_at: at.getTime() });
  mockBackend.spend.push({ user_id, group_id: groupId, micros: usage.cost_micros });
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

const pickReducedUser = ({ site_roles: _roles, ...user }: MockUser): ReducedUser => user;

const isEveryone = (group: Pick<Group, "id" | "organization_id">) => group.id === group.organization_id;

/** The deployment as Coder's rules see it. */
function world(): BudgetWorld {
  const explicit = mockBackend.groups.filter((g) => !isEveryone(g));
  return {
    organizations: mockBackend.organizations,
    organizationMembers: mockBackend.organizationMembers,
    groups: explicit.map((g) => ({ id: g.id, organization_id: g.organization_id })),
    groupMembers: explicit.flatMap((g) => g.members.map((m) => ({ group_id: g.id, user_id: m.id }))),
    budgets: new Map([...mockBackend.budgets].map(([id, budget]) => [id, budget.spend_limit_micros])),
    overrides: mockBackend.overrides,
    spend: mockBackend.spend,
  };
}

/** A group as served: an Everyone group lists every member of its organization. */
function served(group: Group): Group {
  if (!isEveryone(group)) return group;
  const ids = new Set(membersOf(world(), group.id));
  const members = mockBackend.users.filter((u) => ids.has(u.id)).map(pickReducedUser).sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  return { ...group, members, total_member_count: members.length };
}

function viewer(): permissions.Viewer {
  const user = userByName(mockBackend.userId)!;
  const memberships = mockBackend.organizationMembers.filter((m) => m.user_id === user.id);
  return { id: user.id, siteRoles: user.site_roles, memberships };
}

function signedInUser(): User {
  const user = userByName(mockBackend.userId)!;
  const { memberships } = viewer();
  const names: Record<string, string> = { owner: "Owner", "user-admin": "User Admin", "organization-admin": "Organization Admin" };
  return {
    ...pickReducedUser(user),
    roles: [
      ...user.site_roles.map((name) => ({ name, display_name: names[name] ?? name })),
      ...memberships.flatMap((m) => m.roles.map((name) => ({ name, display_name: names[name] ?? name, organization_id: m.organization_id }))),
    ],
    organization_ids: memberships.map((m) => m.organization_id),
  };
}

const organizationsOf = (userId: string) => mockBackend.organizationMembers.filter((m) => m.user_id === userId).map((m) => m.organization_id);
const isMember = (groupId: string, userId: string) => membersOf(world(), groupId).includes(userId);
const canRead = (group: Group) => permissions.canUpdateGroup(viewer(), group.organization_id) || isMember(group.id, mockBackend.userId);
const canUpdate = (group: Pick<Group, "organization_id">) => permissions.canUpdateGroup(viewer(), group.organization_id);

function audit(entry: AuditEntry): void {
  const actor = userByName(mockBackend.userId)!;
  mockBackend.auditLogs.unshift({ id: crypto.randomUUID(), time: new Date().toISOString(), user_id: actor.id, username: actor.username, ...entry });
}

/** Whether the request's If-Match / If-None-Match agree with what is stored. */
function preconditionHolds(request: Request, groupId: string): boolean {
  const version = mockBackend.versions.get(groupId);
  const ifNoneMatch = request.headers.get("If-None-Match")?.trim();
  if (ifNoneMatch === "*") return version === undefined;
  const ifMatch = request.headers.get("If-Match")?.trim();
  if (ifMatch === undefined) return true;
  if (ifMatch === "*") return version !== undefined;
  return version !== undefined && versionsOfIfMatch(ifMatch).includes(version);
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
const unentitled = () => error(403, { message: AI_UNENTITLED_MESSAGE });

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; unstorable?: string }> {
  let value: unknown;
  try {
    value = await request.json();
  } catch {
    return { ok: false };
  }
  const unstorable = unstorableTextIn(value);
  return unstorable ? { ok: false, unstorable } : { ok: true, value };
}

/** The server's 400 for a body that is not JSON, or holds text it cannot store. */
const brokenJson = (body: { unstorable?: string } = {}) =>
  body.unstorable
    ? error(400, { message: "Request body holds text that cannot be stored.", detail: `${body.unstorable} contains a NUL character or a lone surrogate.` })
    : error(400, { message: "Request body must be valid JSON.", detail: "The body could not be parsed." });

/** Every group, Everyone groups included, as the database holds them. */
function allGroups(): Group[] {
  const everyone = mockBackend.organizations
    .filter((o) => !mockBackend.groups.some((g) => g.id === o.id))
    .map((o) => ({ ...structuredClone(MockGroup), id: o.id, name: "Everyone", display_name: "Everyone", organization_id: o.id, organization_name: o.name, organization_display_name: o.display_name, members: [], total_member_count: 0 }));
  return [...mockBackend.groups, ...everyone];
}

const findGroupById = (id: string) => allGroups().find((g) => g.id === id);
/** The group at `id` if the signed-in user may read it. */
const readableGroup = (id: string) => {
  const group = findGroupById(id);
  return group && canRead(group) ? group : undefined;
};

function budgetRoute<T extends Record<string, string | readonly string[] | undefined>>(
  handle: (group: Group, request: Request) => Promise<globalThis.Response> | globalThis.Response,
) {
  return async ({ params, request }: { params: T; request: Request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    const group = readableGroup(String(params.groupId));
    if (!group) return notFound();
    return handle(group, request);
  };
}

const overrideBody = (userId: string, o: MockOverride): UserAIBudgetOverride => ({ user_id: userId, ...o });
const auditedOverride = (o: MockOverride | undefined) => o && { spend_limit_micros: o.spend_limit_micros, group_name: findGroupById(o.group_id)?.name ?? "" };

export const handlers = [
  http.post("*/api/v2/users/login", async ({ request }) => {
    const body = await readJson(request);
    if (!body.ok) return brokenJson(body);
    const { email, password } = (body.value ?? {}) as Record<string, unknown>;
    if (impossibleEmail(email)) return error(400, { message: "Validation failed.", validations: [{ field: "email", detail: `Must be at most ${MAX_EMAIL_LENGTH} characters.` }] });
    const user = mockBackend.users.find((u) => typeof email === "string" && u.email === email.toLowerCase());
    if (!user || password !== MOCK_PASSWORD) return error(401, { message: "Incorrect email or password." });
    mockSignIn(user.username);
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
    return HttpResponse.json(signedInUser());
  }),

  http.post("*/api/v2/users/logout", () => {
    mockBackend.signedIn = false;
    return HttpResponse.json({ message: "Logged out!" });
  }),

  http.get("*/api/v2/users/me", () => (mockBackend.signedIn ? HttpResponse.json(signedInUser()) : unauthorized())),

  http.get("*/api/v2/entitlements", () =>
    HttpResponse.json(mockBackend.aiEntitled ? MockEntitlements : MockEntitlementsWithoutAI),
  ),

  http.post("*/api/v2/authcheck", async ({ request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const body = await readJson(request);
    if (!body.ok) return brokenJson(body);
    const checked = checkAuthorizationBody(body.value);
    if (!checked.ok) return error(checked.status, checked.body);
    const facts = { groupOrganization: (id: string) => findGroupById(id)?.organization_id, isGroupMember: isMember };
    const answer: Record<string, boolean> = {};
    for (const [name, check] of Object.entries(checked.value)) {
      answer[name] = await permissions.authorize(viewer(), check, facts);
    }
    return HttpResponse.json(answer);
  }),

  http.get("*/api/v2/audit", ({ request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!permissions.canReadAuditLogs(viewer())) return notFound();
    const paging = checkPagingQuery(new URL(request.url).searchParams);
    if (!paging.ok) return error(paging.status, paging.body);
    const { limit, offset } = paging.value;
    const readable = mockBackend.auditLogs.filter((row) => permissions.canReadAuditRow(viewer(), row));
    return HttpResponse.json({ audit_logs: readable.slice(offset, offset + limit), count: readable.length });
  }),

  http.get("*/api/v2/organizations/:organization/groups", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const organization = mockBackend.organizations.find((o) => o.name === params.organization);
    if (!organization) return notFound();
    return HttpResponse.json(mockBackend.groups.filter((g) => g.organization_id === organization.id && canRead(g)).map(served));
  }),

  http.get("*/api/v2/organizations/:organization/groups/:groupName", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const group = mockBackend.groups.find(
      (g) => g.organization_name === params.organization && g.name === params.groupName,
    );
    return group && canRead(group) ? HttpResponse.json(served(group)) : notFound();
  }),

  http.get("*/api/v2/groups/:groupId", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const group = readableGroup(String(params.groupId));
    return group ? HttpResponse.json(served(group)) : notFound();
  }),

  http.patch("*/api/v2/groups/:groupId", async ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    const group = readableGroup(String(params.groupId));
    if (!group || !canUpdate(group)) return notFound();
    const body = await readJson(request);
    if (!body.ok) return brokenJson(body);
    const checked = checkPatchGroupBody(body.value);
    if (!checked.ok) return error(checked.status, checked.body);
    const { add_users, remove_users, ...fields } = checked.value;
    if (
      fields.name !== undefined &&
      mockBackend.groups.some((g) => g.id !== group.id && g.organization_id === group.organization_id && g.name === fields.name)
    ) {
      return error(409, {
        message: `A group named "${fields.name}" already exists.`,
        validations: [{ field: "name", detail: "This name is already taken." }],
      });
    }
    // A group holds only members of its own organization.
    const outsiders = add_users.filter((id) => !organizationsOf(id.toLowerCase()).includes(group.organization_id));
    if (outsiders.length > 0) return error(400, { message: ADD_OUTSIDER_MESSAGE, validations: [{ field: "add_users", detail: outsiders.join(", ") }] });
    const added = add_users.map((id) => userByName(id.toLowerCase())!);
    const before = { name: group.name, display_name: group.display_name, avatar_url: group.avatar_url, quota_allowance: group.quota_allowance };
    const changed = Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, { old: before[field as keyof typeof before], new: value }]));
    const joined: string[] = [];
    const left: string[] = [];
    Object.assign(group, fields);
    if (!isEveryone(group)) {
      const members = new Map(group.members.map((m) => [m.id, m]));
      for (const user of added) {
        if (!members.has(user.id)) joined.push(user.username);
        members.set(user.id, pickReducedUser(user));
      }
      for (const id of remove_users) {
        const leaving = members.get(id);
        if (leaving) left.push(leaving.username);
        members.delete(id);
        // As in Coder, an override must name a group its user is in: leaving the group removes it.
        if (mockBackend.overrides.get(id)?.group_id === group.id) mockBackend.overrides.delete(id);
      }
      group.members = [...members.values()].sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
      group.total_member_count = group.members.length;
    }
    const entry = groupAuditEntry(userByName(mockBackend.userId)!.username, group, { fields: changed, added: joined, removed: left });
    if (entry) audit(entry);
    return HttpResponse.json(served(group));
  }),

  http.get("*/api/v2/groups/:groupId/members/ai/spend", ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    const group = readableGroup(String(params.groupId));
    if (!group) return notFound();
    const asked = checkIdListQuery(new URL(request.url).searchParams, "user_ids");
    if (!asked.ok) return error(asked.status, asked.body);
    const ids = visibleMemberIds(asked.value, mockBackend.userId, canUpdate(group));
    return HttpResponse.json({ ...MockPeriod, members: memberRows(world(), group, ids) });
  }),

  http.get("*/api/v2/organizations/:organization/groups/ai/spend", ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    const organization = mockBackend.organizations.find((o) => o.name === params.organization);
    if (!organization) return notFound();
    const asked = checkIdListQuery(new URL(request.url).searchParams, "group_ids");
    if (!asked.ok) return error(asked.status, asked.body);
    const current = world();
    const groups = inIdOrder(asked.value).flatMap((id) => {
      const group = readableGroup(id);
      return group && group.organization_id === organization.id ? [groupRow(current, group)] : [];
    });
    return HttpResponse.json({ ...MockPeriod, groups });
  }),

  http.get("*/api/v2/organizations/:organization/ai/spend/export", ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    const organization = mockBackend.organizations.find((o) => o.name === params.organization);
    if (!organization) return notFound();
    if (!canUpdate({ organization_id: organization.id })) return error(403, { message: "Forbidden." });
    const period = exportPeriod(new URL(request.url).searchParams, new Date());
    if (!period.ok) return error(400, period.body);
    const rows = aggregateUsage(mockBackend.usage ?? [], period, (record) => {
      const group = findGroupById(record.group_id);
      const user = mockBackend.users.find((u) => u.id === record.user_id);
      if (!group || !user || group.organization_id !== organization.id) return undefined;
      return { username: user.username, group_name: group.name, organization_id: organization.id, organization_name: organization.name };
    });
    return new HttpResponse(spendExportCsv(rows, period), {
      headers: {
        "Content-Type": AI_SPEND_EXPORT_CONTENT_TYPE,
        "Content-Disposition": `attachment; filename="${spendExportFilename(organization.name, period)}"`,
      },
    });
  }),

  http.get("*/api/v2/users/:user/ai/spend", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    const user = params.user === "me" ? userByName(mockBackend.userId) : userByName(String(params.user));
    if (!user || !permissions.canReadUserBudget(viewer(), user.id, organizationsOf(user.id))) return notFound();
    return HttpResponse.json(userSpendStatus(world(), user.id, MockPeriod));
  }),

  http.get("*/api/v2/users/:user/ai/budget/override", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    const user = params.user === "me" ? userByName(mockBackend.userId) : userByName(String(params.user));
    if (!user || !permissions.canReadUserBudget(viewer(), user.id, organizationsOf(user.id))) return notFound();
    const override = mockBackend.overrides.get(user.id);
    return override ? HttpResponse.json(overrideBody(user.id, override)) : notFound();
  }),

  http.put("*/api/v2/users/:user/ai/budget/override", async ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    if (!permissions.canUpdateUsers(viewer())) return notFound();
    const user = params.user === "me" ? userByName(mockBackend.userId) : userByName(String(params.user));
    if (!user) return notFound();
    const body = await readJson(request);
    if (!body.ok) return brokenJson(body);
    const checked = checkUpsertOverrideBody(body.value);
    if (!checked.ok) return error(checked.status, checked.body);
    const group = findGroupById(checked.value.group_id);
    if (!group) return notFound();
    if (!isMember(group.id, user.id)) {
      return error(400, { message: NOT_A_GROUP_MEMBER_MESSAGE, validations: [{ field: "group_id", detail: "The user must be a member of this group." }] });
    }
    const previous = mockBackend.overrides.get(user.id);
    const now = new Date().toISOString();
    const saved = { ...checked.value, created_at: previous?.created_at ?? now, updated_at: now };
    mockBackend.overrides.set(user.id, saved);
    audit(overrideAuditEntry(userByName(mockBackend.userId)!.username, user, group.organization_id, auditedOverride(previous), auditedOverride(saved)));
    return HttpResponse.json(overrideBody(user.id, saved));
  }),

  http.delete("*/api/v2/users/:user/ai/budget/override", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    if (!permissions.canUpdateUsers(viewer())) return notFound();
    const user = params.user === "me" ? userByName(mockBackend.userId) : userByName(String(params.user));
    const previous = user && mockBackend.overrides.get(user.id);
    if (!user || !previous) return notFound();
    mockBackend.overrides.delete(user.id);
    const organization = findGroupById(previous.group_id)?.organization_id ?? "";
    audit(overrideAuditEntry(userByName(mockBackend.userId)!.username, user, organization, auditedOverride(previous), undefined));
    return new HttpResponse(null, { status: 204 });
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
      if (!canUpdate(group)) return notFound();
      const body = await readJson(request);
      if (!body.ok) return brokenJson(body);
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
      audit(budgetAuditEntry(userByName(mockBackend.userId)!.username, group, previous?.spend_limit_micros ?? null, checked.value));
      return HttpResponse.json(budget, { headers: { ETag: budgetETag(version) } });
    }),
  ),

  http.delete(
    "*/api/v2/groups/:groupId/ai/budget",
    budgetRoute((group, request) => {
      if (!canUpdate(group)) return notFound();
      const previous = mockBackend.budgets.get(group.id);
      if (previous && !preconditionHolds(request, group.id)) return conflict(group.id);
      if (!previous) return notFound();
      mockBackend.budgets.delete(group.id);
      mockBackend.versions.delete(group.id);
      audit(budgetAuditEntry(userByName(mockBackend.userId)!.username, group, previous.spend_limit_micros, null));
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];

/**
 * Any other API path, answered as the server answers it (JSON 404). Not in
 * `handlers`, so that a test's unexpected request still fails loudly; the
 * contract test adds it last.
 */
export const unknownApiRoute = http.all("*/api/v2/*", ({ request }) => {
  if (!mockBackend.signedIn) return unauthorized();
  return error(404, { message: ROUTE_NOT_FOUND_MESSAGE, detail: `${request.method} ${new URL(request.url).pathname}` });
});
