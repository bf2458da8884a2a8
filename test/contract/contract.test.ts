// Over 200 lines: one table of ~110 steps is the contract itself; splitting it would hide the order it depends on.
// Every request the app makes (and the ones around it: overrides, users'
// spend, authorization checks, the audit log), sent in the same order to the
// MSW handlers (what the component tests and Storybook use) and to the
// embedded server, both holding the demo deployment. Their answers must be
// equal, field for field, apart from values neither can know in advance
// (times, session tokens, audit ids, the budget period of today's month);
// some steps also state what Coder's contract says the answer is.
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoBackendState } from "../../src/testHelpers/demoBackend";
import { handlers, mockBackend, unknownApiRoute, mockSignIn, resetMockBackend } from "../../src/testHelpers/handlers";
import { ORGANIZATION_ID, SEED_GROUPS, SEED_USERS } from "../../server/seedData";
import { parseCoderVersion, versionHasAIBudgets } from "../../core/buildInfo";
import { openTestApi, type TestApi } from "../../server/testHarness";

interface Answer {
  status: number;
  body: unknown;
  etag: string | null;
}

interface Call {
  method: string;
  path: string;
  body?: string;
  /** Who asks: a demo username, or null for nobody signed in. */
  as: string | null;
  headers: Record<string, string>;
}

interface Backend {
  call(request: Call): Promise<Answer>;
  setEntitled(entitled: boolean): void;
}

interface Step {
  name: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  body?: unknown;
  rawBody?: string;
  /** Request headers; "$etag" stands for the ETag of the last answer that had one. */
  headers?: Record<string, string>;
  /** Default: admin, an Owner. */
  as?: string | null;
  entitled?: boolean;
  status: number;
  /** What Coder's contract says of the answer (a subset of it). */
  expect?: unknown;
}

const group = (name: string) => SEED_GROUPS.find((g) => g.name === name)!.id;
const user = (name: string) => SEED_USERS.find((u) => u.username === name)!.id;
const developers = group("developers");
const dataScience = group("data-science");
const budget = `/groups/${developers}/ai/budget`;
const everyMember = (name: string) =>
  SEED_GROUPS.find((g) => g.name === name)!
    .members.map(user)
    .join(",");
const coderGroups = [
  ORGANIZATION_ID,
  ...SEED_GROUPS.filter((g) => g.organizationId === ORGANIZATION_ID).map((g) => g.id),
].join(",");
const membersSpend = (query: string) => `/groups/${developers}/members/ai/spend${query}`;
const NOT_FOUND = { message: "Resource not found or you do not have access to this resource" };
const USD = (n: number) => n * 1_000_000;
const checks = {
  checks: {
    updateAnyGroup: { object: { resource_type: "group", organization_id: ORGANIZATION_ID }, action: "update" },
    readDevelopers: { object: { resource_type: "group", resource_id: developers }, action: "read" },
    updateDevelopers: { object: { resource_type: "group", resource_id: developers }, action: "update" },
    readContractors: { object: { resource_type: "group", resource_id: group("contractors") }, action: "read" },
    updateUsers: { object: { resource_type: "user" }, action: "update" },
    readAuditLog: { object: { resource_type: "audit_log", organization_id: ORGANIZATION_ID }, action: "read" },
  },
};
const audit = (q: string, paging = "") => `/audit?q=${encodeURIComponent(q)}${paging}`;
/** The previous UTC month, whole: the demo's past usage lies there. */
const lastMonth = (() => {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString();
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
  return `period_start=${start.replace(".000Z", "Z")}&period_end=${end.replace(".000Z", "Z")}`;
})();
const tooMany = Array.from(
  { length: 101 },
  (_, i) => `00000000-0000-4000-8000-${String(5000 + i).padStart(12, "0")}`,
).join(",");

const steps: Step[] = [
  {
    name: "sign-in methods, signed out",
    method: "GET",
    path: "/users/authmethods",
    as: null,
    status: 200,
    expect: { password: { enabled: true }, github: { enabled: false }, oidc: { enabled: false } },
  },
  { name: "build info, signed out", method: "GET", path: "/buildinfo", as: null, status: 200 },
  {
    name: "me without a session",
    method: "GET",
    path: "/users/me",
    as: null,
    status: 401,
    expect: { message: "You are not signed in." },
  },
  {
    name: "login with a wrong password",
    method: "POST",
    path: "/users/login",
    body: { email: "admin@example.com", password: "wrong" },
    as: null,
    status: 401,
    expect: { message: "Incorrect email or password." },
  },
  {
    name: "login",
    method: "POST",
    path: "/users/login",
    body: { email: "admin@example.com", password: "SomeSecurePassword!" },
    as: null,
    status: 201,
  },
  ...["admin", "orgadmin", "member", "useradmin"].map(
    (as): Step => ({
      name: `me as ${as}`,
      method: "GET",
      path: "/users/me",
      as,
      status: 200,
      expect: { username: as },
    }),
  ),
  {
    name: "entitlements",
    method: "GET",
    path: "/entitlements",
    status: 200,
    expect: { features: { aibridge: { entitlement: "entitled", enabled: true } } },
  },
  ...["admin", "orgadmin", "member", "useradmin"].map(
    (as): Step => ({ name: `authcheck as ${as}`, method: "POST", path: "/authcheck", body: checks, as, status: 200 }),
  ),
  { name: "authcheck without checks", method: "POST", path: "/authcheck", body: { checks: [] }, status: 400 },
  { name: "groups", method: "GET", path: "/organizations/coder/groups", status: 200 },
  { name: "a member's groups", method: "GET", path: "/organizations/coder/groups", as: "member", status: 200 },
  { name: "the other organization's groups", method: "GET", path: "/organizations/research/groups", status: 200 },
  {
    name: "group by name",
    method: "GET",
    path: "/organizations/coder/groups/developers",
    status: 200,
    expect: { name: "developers", total_member_count: 7 },
  },
  {
    name: "unknown group by name",
    method: "GET",
    path: "/organizations/coder/groups/nope",
    status: 404,
    expect: NOT_FOUND,
  },
  { name: "group by id", method: "GET", path: `/groups/${developers}`, status: 200 },
  {
    name: "a group a member is not in",
    method: "GET",
    path: `/groups/${group("contractors")}`,
    as: "member",
    status: 404,
  },

  // Spend, as Coder's rules give it.
  { name: "members' spend", method: "GET", path: membersSpend(`?user_ids=${everyMember("developers")}`), status: 200 },
  {
    name: "members' spend as a member",
    method: "GET",
    path: membersSpend(`?user_ids=${everyMember("developers")}`),
    as: "member",
    status: 200,
    expect: { members: [{ user_id: user("member") }] },
  },
  {
    name: "members' spend as an organization admin",
    method: "GET",
    path: membersSpend(`?user_ids=${everyMember("developers")}`),
    as: "orgadmin",
    status: 200,
  },
  {
    name: "Everyone's members' spend",
    method: "GET",
    path: `/groups/${ORGANIZATION_ID}/members/ai/spend?user_ids=${SEED_USERS.map((u) => u.id).join(",")}`,
    status: 200,
  },
  {
    name: "members' spend, no ids",
    method: "GET",
    path: membersSpend(""),
    status: 400,
    expect: { message: "Query parameters have invalid values." },
  },
  { name: "members' spend, empty ids", method: "GET", path: membersSpend("?user_ids="), status: 400 },
  { name: "members' spend, a bad id", method: "GET", path: membersSpend("?user_ids=nope"), status: 400 },
  {
    name: "members' spend, an unknown parameter",
    method: "GET",
    path: membersSpend(`?user_ids=${user("bob")}&limit=5`),
    status: 400,
  },
  {
    name: "members' spend, 101 ids",
    method: "GET",
    path: membersSpend(`?user_ids=${tooMany}`),
    status: 400,
    expect: { message: "user_ids has 101 entries, maximum is 100." },
  },
  {
    name: "groups' spend",
    method: "GET",
    path: `/organizations/coder/groups/ai/spend?group_ids=${coderGroups}`,
    status: 200,
  },
  {
    name: "groups' spend as a member",
    method: "GET",
    path: `/organizations/coder/groups/ai/spend?group_ids=${coderGroups}`,
    as: "member",
    status: 200,
  },
  {
    name: "the other organization's spend",
    method: "GET",
    path: `/organizations/research/groups/ai/spend?group_ids=${group("gpu-lab")}`,
    status: 200,
    expect: { groups: [{ total_spend_limit_micros: USD(2_500) }] },
  },
  { name: "groups' spend, no ids", method: "GET", path: "/organizations/coder/groups/ai/spend", status: 400 },
  {
    name: "groups' spend, 101 ids",
    method: "GET",
    path: `/organizations/coder/groups/ai/spend?group_ids=${tooMany}`,
    status: 400,
    expect: { message: "group_ids has 101 entries, maximum is 100." },
  },
  { name: "my spend", method: "GET", path: "/users/me/ai/spend", as: "member", status: 200 },

  // The CSV export of spend per user, group, model and provider.
  {
    name: "the spend export, this month",
    method: "GET",
    path: "/organizations/coder/ai/spend/export",
    status: 200,
    expect: { content_type: "text/csv; charset=utf-8" },
  },
  {
    name: "the spend export, as an organization admin",
    method: "GET",
    path: "/organizations/coder/ai/spend/export",
    as: "orgadmin",
    status: 200,
  },
  {
    name: "the spend export, as a member",
    method: "GET",
    path: "/organizations/coder/ai/spend/export",
    as: "member",
    status: 403,
    expect: { message: "Forbidden." },
  },
  {
    name: "the other organization's spend export",
    method: "GET",
    path: "/organizations/research/ai/spend/export",
    status: 200,
  },
  {
    name: "the spend export of an unknown organization",
    method: "GET",
    path: "/organizations/nowhere/ai/spend/export",
    status: 404,
  },
  {
    name: "the spend export over 31 days exactly",
    method: "GET",
    path: "/organizations/coder/ai/spend/export?period_start=2026-01-01T00:00:00Z&period_end=2026-02-01T00:00:00Z",
    status: 200,
  },
  {
    name: "the spend export over 31 days and a second",
    method: "GET",
    path: "/organizations/coder/ai/spend/export?period_start=2026-01-01T00:00:00Z&period_end=2026-02-01T00:00:01Z",
    status: 400,
    expect: { message: "Query period must not exceed 31 days." },
  },
  {
    name: "the spend export with a start alone",
    method: "GET",
    path: "/organizations/coder/ai/spend/export?period_start=2026-01-01T00:00:00Z",
    status: 400,
    expect: { message: 'Query parameters "period_start" and "period_end" must be provided together.' },
  },
  {
    name: "the spend export ending before it starts",
    method: "GET",
    path: "/organizations/coder/ai/spend/export?period_start=2026-01-02T00:00:00Z&period_end=2026-01-01T00:00:00Z",
    status: 400,
    expect: { message: 'Query parameter "period_start" must be before "period_end".' },
  },
  {
    name: "the spend export with a bad date",
    method: "GET",
    path: "/organizations/coder/ai/spend/export?period_start=yesterday&period_end=2026-01-01T00:00:00Z",
    status: 400,
    expect: { message: "Query parameters have invalid values.", validations: [{ field: "period_start" }] },
  },
  {
    name: "the spend export with an unknown parameter",
    method: "GET",
    path: "/organizations/coder/ai/spend/export?period_start=2026-01-01T00:00:00Z&period_end=2026-01-02T00:00:00Z&user=bob",
    status: 400,
    expect: { validations: [{ field: "user" }] },
  },
  // Coder's later spend wire (docs/coder-conformance.md, "Coder after v2.36").
  ...[
    ["a model", "?model=claude-sonnet-4-5"],
    ["a provider name", "?provider_name=openai"],
    ["a user", `?user_id=${user("bob")}`],
    ["a group", `?group_id=${developers}`],
  ].map(
    ([what, query]): Step => ({
      name: `the spend export filtered by ${what}`,
      method: "GET",
      path: `/organizations/coder/ai/spend/export${query}`,
      status: 200,
    }),
  ),
  ...[
    ["February 30", "?period_start=2026-02-30T00:00:00Z&period_end=2026-03-02T00:00:00Z"],
    ["hour 24", "?period_start=2026-03-01T24:00:00Z&period_end=2026-03-02T00:00:00Z"],
    ["a repeated filter", "?model=a&model=b"],
    ["an empty filter", "?provider_name="],
    ["a group that is not a UUID", "?group_id=developers"],
  ].map(
    ([what, query]): Step => ({
      name: `the spend export with ${what}`,
      method: "GET",
      path: `/organizations/coder/ai/spend/export${query}`,
      status: 400,
      expect: { message: "Query parameters have invalid values." },
    }),
  ),
  {
    name: "the spend export in year 0000",
    method: "GET",
    path: "/organizations/coder/ai/spend/export?period_start=0000-01-01T00:00:00Z&period_end=0000-01-02T00:00:00Z",
    status: 200,
  },
  {
    name: "the spend export by organization id",
    method: "GET",
    path: `/organizations/${ORGANIZATION_ID}/ai/spend/export`,
    status: 200,
  },
  {
    name: "the spend export of the default organization",
    method: "GET",
    path: "/organizations/default/ai/spend/export",
    status: 200,
  },
  {
    name: "the spend export, as an auditor",
    method: "GET",
    path: "/organizations/coder/ai/spend/export",
    as: "auditor",
    status: 200,
  },
  {
    name: "the spend export, outside the organization",
    method: "GET",
    path: "/organizations/coder/ai/spend/export",
    as: "researchadmin",
    status: 404,
    expect: NOT_FOUND,
  },
  {
    name: "the groups, outside the organization",
    method: "GET",
    path: "/organizations/coder/groups",
    as: "researchadmin",
    status: 404,
    expect: NOT_FOUND,
  },
  {
    name: "the groups by organization id",
    method: "GET",
    path: `/organizations/${ORGANIZATION_ID}/groups`,
    status: 200,
  },
  { name: "the groups, as an auditor", method: "GET", path: "/organizations/coder/groups", as: "auditor", status: 200 },
  { name: "one group's spend", method: "GET", path: `/groups/${developers}/ai/spend`, status: 200 },
  {
    name: "one group's spend, as a member",
    method: "GET",
    path: `/groups/${developers}/ai/spend`,
    as: "member",
    status: 200,
  },
  {
    name: "one group's spend, as an auditor",
    method: "GET",
    path: `/groups/${developers}/ai/spend`,
    as: "auditor",
    status: 200,
  },
  {
    name: "one group's spend, outside the organization",
    method: "GET",
    path: `/groups/${developers}/ai/spend`,
    as: "researchadmin",
    status: 404,
    expect: NOT_FOUND,
  },
  {
    name: "members' spend by organization and group name",
    method: "GET",
    path: `/organizations/coder/groups/developers/members/ai/spend?user_ids=${everyMember("developers")}`,
    status: 200,
  },
  {
    name: "members' spend by organization and group name, as an auditor",
    method: "GET",
    path: `/organizations/default/groups/developers/members/ai/spend?user_ids=${everyMember("developers")}`,
    as: "auditor",
    status: 200,
  },
  {
    name: "members' spend by an unknown group name",
    method: "GET",
    path: `/organizations/coder/groups/nope/members/ai/spend?user_ids=${user("bob")}`,
    status: 404,
  },
  {
    name: "spend per organization, two organizations",
    method: "GET",
    path: "/users/frank/ai/spend/organizations",
    status: 200,
  },
  {
    name: "spend per organization, to the other organization's admin",
    method: "GET",
    path: "/users/frank/ai/spend/organizations",
    as: "researchadmin",
    status: 200,
  },
  {
    name: "my spend per organization",
    method: "GET",
    path: "/users/me/ai/spend/organizations",
    as: "member",
    status: 200,
  },
  {
    name: "another user's spend per organization, as a member",
    method: "GET",
    path: "/users/bob/ai/spend/organizations",
    as: "member",
    status: 404,
  },
  { name: "spend by user", method: "GET", path: "/organizations/coder/ai/spend/users", status: 200 },
  {
    name: "spend by user, second page",
    method: "GET",
    path: "/organizations/coder/ai/spend/users?limit=3&offset=3",
    status: 200,
  },
  {
    name: "spend by user, one model",
    method: "GET",
    path: "/organizations/coder/ai/spend/users?model=gpt-5&limit=100",
    status: 200,
  },
  {
    name: "spend by user, as an auditor",
    method: "GET",
    path: "/organizations/coder/ai/spend/users",
    as: "auditor",
    status: 200,
  },
  {
    name: "spend by user, as a member",
    method: "GET",
    path: "/organizations/coder/ai/spend/users",
    as: "member",
    status: 403,
    expect: { message: "Forbidden." },
  },
  {
    name: "spend by user, a limit above 100",
    method: "GET",
    path: "/organizations/coder/ai/spend/users?limit=101",
    status: 400,
    expect: { message: "Query parameters have invalid values." },
  },
  {
    name: "an auditor's budget write",
    method: "PUT",
    path: budget,
    body: { spend_limit_micros: 1 },
    as: "auditor",
    status: 404,
  },
  { name: "spend governed in another organization", method: "GET", path: "/users/frank/ai/spend", status: 200 },
  {
    name: "spend with no budget anywhere",
    method: "GET",
    path: "/users/grace/ai/spend",
    status: 200,
    expect: { effective_group_id: ORGANIZATION_ID, effective_budget: null },
  },
  { name: "another user's spend, as a member", method: "GET", path: "/users/bob/ai/spend", as: "member", status: 404 },

  // Overrides.
  { name: "no override", method: "GET", path: "/users/alice/ai/budget/override", status: 404, expect: NOT_FOUND },
  {
    name: "an override by a User Admin",
    method: "PUT",
    path: "/users/alice/ai/budget/override",
    body: { group_id: developers, spend_limit_micros: USD(9_000) },
    as: "useradmin",
    status: 200,
  },
  {
    name: "the override, to an organization admin",
    method: "GET",
    path: "/users/alice/ai/budget/override",
    as: "orgadmin",
    status: 200,
  },
  {
    name: "an override by an organization admin",
    method: "PUT",
    path: "/users/bob/ai/budget/override",
    body: { group_id: developers, spend_limit_micros: 1 },
    as: "orgadmin",
    status: 404,
  },
  {
    name: "an override in an unknown group",
    method: "PUT",
    path: "/users/bob/ai/budget/override",
    body: { group_id: "0a7c5d5e-0000-4000-9000-000000009999", spend_limit_micros: 1 },
    status: 404,
  },
  {
    name: "an override in a group the user is not in",
    method: "PUT",
    path: "/users/bob/ai/budget/override",
    body: { group_id: dataScience, spend_limit_micros: 1 },
    status: 400,
    expect: { message: "User is not a member of the referenced group." },
  },
  {
    name: "an override above the maximum",
    method: "PUT",
    path: "/users/bob/ai/budget/override",
    body: { group_id: developers, spend_limit_micros: 1_000_000_000_001 },
    status: 400,
  },
  {
    name: "an admin of coder only, for frank, whom research's gpu-lab governs",
    method: "GET",
    path: "/users/frank/ai/spend",
    as: "orgadmin",
    status: 404,
  },
  {
    name: "research's admin, for frank",
    method: "GET",
    path: "/users/frank/ai/spend",
    as: "researchadmin",
    status: 200,
  },
  // Numbers JSON.parse would round into an acceptable whole number; both refuse them from the text.
  ...["999999999999.99999", "1000000000000.0000001", "-1e-400", "1.0", "1e3", "-0"].map(
    (limit): Step => ({
      name: `an override of ${limit} micros`,
      method: "PUT",
      path: "/users/bob/ai/budget/override",
      rawBody: `{"group_id":"${developers}","spend_limit_micros":${limit}}`,
      status: 400,
      expect: { validations: [{ field: "spend_limit_micros", detail: "Must be a whole number of micros." }] },
    }),
  ),
  {
    name: "an override naming 36 characters that are not a UUID",
    method: "PUT",
    path: "/users/bob/ai/budget/override",
    body: { group_id: "------------------------------------", spend_limit_micros: 1 },
    status: 400,
  },
  {
    name: "members' spend with an override",
    method: "GET",
    path: membersSpend(`?user_ids=${everyMember("developers")}`),
    status: 200,
  },
  {
    name: "groups' spend with an override",
    method: "GET",
    path: `/organizations/coder/groups/ai/spend?group_ids=${coderGroups}`,
    status: 200,
    expect: { groups: [{}, { group_id: developers, total_spend_limit_micros: USD(5 * 1_000 + 9_000) }, {}, {}, {}] },
  },
  {
    name: "its user leaves the group",
    method: "PATCH",
    path: `/groups/${developers}`,
    body: { add_users: [], remove_users: [user("alice")] },
    status: 200,
  },
  { name: "the override went with them", method: "GET", path: "/users/alice/ai/budget/override", status: 404 },
  { name: "removing no override", method: "DELETE", path: "/users/alice/ai/budget/override", status: 404 },
  {
    name: "an override charged to Everyone",
    method: "PUT",
    path: "/users/grace/ai/budget/override",
    body: { group_id: ORGANIZATION_ID, spend_limit_micros: USD(50) },
    status: 200,
  },
  { name: "removing it", method: "DELETE", path: "/users/grace/ai/budget/override", status: 204 },

  // A second budgeted group sharing a member.
  {
    name: "a budget for data-science",
    method: "PUT",
    path: `/groups/${dataScience}/ai/budget`,
    body: { spend_limit_micros: USD(2_000) },
    status: 200,
  },
  {
    name: "bob joins data-science",
    method: "PATCH",
    path: `/groups/${dataScience}`,
    body: { add_users: [user("bob")], remove_users: [] },
    status: 200,
  },
  {
    name: "groups' spend with a shared member",
    method: "GET",
    path: `/organizations/coder/groups/ai/spend?group_ids=${coderGroups}`,
    status: 200,
  },
  {
    name: "members' spend with a shared member",
    method: "GET",
    path: membersSpend(`?user_ids=${everyMember("developers")}`),
    status: 200,
  },
  {
    name: "a budget for Everyone, the highest",
    method: "PUT",
    path: `/groups/${ORGANIZATION_ID}/ai/budget`,
    body: { spend_limit_micros: USD(3_000) },
    status: 200,
  },
  {
    name: "Everyone's members' spend with its budget",
    method: "GET",
    path: `/groups/${ORGANIZATION_ID}/members/ai/spend?user_ids=${SEED_USERS.map((u) => u.id).join(",")}`,
    status: 200,
  },
  {
    name: "groups' spend with Everyone budgeted",
    method: "GET",
    path: `/organizations/coder/groups/ai/spend?group_ids=${coderGroups}`,
    status: 200,
  },

  // The budget itself, with conditional writes.
  { name: "budget", method: "GET", path: budget, status: 200, expect: { spend_limit_micros: USD(1_000) } },
  {
    name: "write naming the loaded version",
    method: "PUT",
    path: budget,
    headers: { "If-Match": "$etag" },
    body: { spend_limit_micros: USD(2_000) },
    status: 200,
  },
  {
    name: "write naming a version never made",
    method: "PUT",
    path: budget,
    headers: { "If-Match": '"999999"' },
    body: { spend_limit_micros: 3 },
    status: 412,
    expect: { message: "The AI budget was changed by someone else.", current: { spend_limit_micros: USD(2_000) } },
  },
  {
    name: "create over an existing budget",
    method: "PUT",
    path: budget,
    headers: { "If-None-Match": "*" },
    body: { spend_limit_micros: 3 },
    status: 412,
  },
  { name: "stale delete", method: "DELETE", path: budget, headers: { "If-Match": '"999999"' }, status: 412 },
  { name: "set a budget", method: "PUT", path: budget, body: { spend_limit_micros: 25_000_000 }, status: 200 },
  { name: "set 0", method: "PUT", path: budget, body: { spend_limit_micros: 0 }, status: 200 },
  {
    name: "set the maximum",
    method: "PUT",
    path: budget,
    body: { spend_limit_micros: 1_000_000_000_000 },
    status: 200,
  },
  {
    name: "above the maximum",
    method: "PUT",
    path: budget,
    body: { spend_limit_micros: 1_000_000_000_001 },
    status: 400,
    expect: {
      message: "Invalid AI spend limit.",
      validations: [{ field: "spend_limit_micros", detail: "Must not exceed 1000000000000." }],
    },
  },
  {
    name: "negative",
    method: "PUT",
    path: budget,
    body: { spend_limit_micros: -1 },
    status: 400,
    expect: {
      message: "Invalid AI spend limit.",
      validations: [{ field: "spend_limit_micros", detail: "Must not be negative." }],
    },
  },
  { name: "not an integer", method: "PUT", path: budget, body: { spend_limit_micros: 1.5 }, status: 400 },
  { name: "a string", method: "PUT", path: budget, body: { spend_limit_micros: "25" }, status: 400 },
  {
    name: "extra fields",
    method: "PUT",
    path: budget,
    body: { spend_limit_micros: 1, note: "x" },
    status: 400,
    expect: { message: "Request body has unknown fields." },
  },
  {
    name: "broken JSON",
    method: "PUT",
    path: budget,
    rawBody: "{",
    status: 400,
    expect: { message: "Request body must be valid JSON." },
  },
  { name: "a member's write", method: "PUT", path: budget, body: { spend_limit_micros: 1 }, as: "member", status: 404 },
  {
    name: "still the maximum after refusals",
    method: "GET",
    path: budget,
    status: 200,
    expect: { spend_limit_micros: 1_000_000_000_000 },
  },
  { name: "remove the budget", method: "DELETE", path: budget, status: 204 },
  { name: "no budget", method: "GET", path: budget, status: 404, expect: NOT_FOUND },
  { name: "remove again", method: "DELETE", path: budget, status: 404, expect: NOT_FOUND },
  {
    name: "rename to a taken name",
    method: "PATCH",
    path: `/groups/${developers}`,
    body: { name: "contractors", add_users: [], remove_users: [] },
    status: 409,
    expect: { message: 'A group named "contractors" already exists.' },
  },
  {
    name: "rename to a bad name",
    method: "PATCH",
    path: `/groups/${developers}`,
    body: { name: "bad name" },
    status: 400,
    expect: { message: "Invalid group settings." },
  },
  {
    name: "rename",
    method: "PATCH",
    path: `/groups/${developers}`,
    body: { name: "platform", add_users: [], remove_users: [] },
    status: 200,
    expect: { name: "platform" },
  },
  {
    name: "add a user outside the organization",
    method: "PATCH",
    path: `/groups/${developers}`,
    body: { add_users: [user("researchadmin")] },
    status: 400,
    expect: { message: 'User must be a member of organization "platform"' },
  },
  {
    name: "add a user who does not exist",
    method: "PATCH",
    path: `/groups/${developers}`,
    body: { add_users: ["00000000-0000-4000-8000-00000000beef"] },
    status: 400,
    expect: { message: 'User must be a member of organization "platform"' },
  },
  {
    name: "add a user id that is no UUID",
    method: "PATCH",
    path: `/groups/${developers}`,
    body: { add_users: ["bob"] },
    status: 400,
    expect: { message: 'ID "bob" must be a valid user UUID.' },
  },
  {
    name: "add someone who is a member already",
    method: "PATCH",
    path: `/groups/${developers}`,
    body: { add_users: [user("grace"), user("bob")] },
    status: 400,
    expect: { message: "Cannot add the same user to a group twice!" },
  },
  {
    name: "remove from Everyone, as an organization admin",
    method: "PATCH",
    path: `/groups/${ORGANIZATION_ID}`,
    body: { remove_users: [user("bob")] },
    as: "orgadmin",
    status: 403,
    expect: { message: 'Cannot add or remove users from the "Everyone" group!' },
  },
  {
    name: "add to Everyone",
    method: "PATCH",
    path: `/groups/${ORGANIZATION_ID}`,
    body: { add_users: [user("bob")] },
    status: 403,
    expect: { message: 'Cannot add or remove users from the "Everyone" group!' },
  },
  {
    name: "a page of members",
    method: "GET",
    path: `/groups/${developers}/members?limit=3&offset=2`,
    status: 200,
    expect: { count: 6 },
  },
  {
    name: "members found by email, any case",
    method: "GET",
    path: `/groups/${ORGANIZATION_ID}/members?q=${encodeURIComponent("ALICE@example")}&limit=25`,
    status: 200,
    expect: { count: 1 },
  },
  {
    name: "members by status, past the last page",
    method: "GET",
    path: `/groups/${developers}/members?q=status:active&limit=25&offset=50`,
    status: 200,
    expect: { users: [], count: 6 },
  },
  {
    name: "members with an unknown filter",
    method: "GET",
    path: `/groups/${developers}/members?q=role:owner`,
    status: 400,
    expect: { message: "Invalid user search query." },
  },
  {
    name: "members with a bad limit and an unknown parameter",
    method: "GET",
    path: `/groups/${developers}/members?limit=-1&sort=name`,
    status: 400,
    expect: { message: "Query parameters have invalid values." },
  },
  {
    name: "the organization's members, searched",
    method: "GET",
    path: "/organizations/coder/paginated-members?q=lopez&limit=5&offset=5",
    status: 200,
    expect: { count: 23 },
  },
  {
    name: "the organization's members, by a plain member",
    method: "GET",
    path: "/organizations/coder/paginated-members?limit=3",
    as: "member",
    status: 200,
    expect: { count: 61 },
  },
  {
    name: "another organization's members",
    method: "GET",
    path: "/organizations/coder/paginated-members",
    as: "researchadmin",
    status: 404,
    expect: NOT_FOUND,
  },
  {
    name: "members of a group the member is not in",
    method: "GET",
    path: `/groups/${group("contractors")}/members`,
    as: "member",
    status: 404,
    expect: NOT_FOUND,
  },
  {
    name: "members join and leave",
    method: "PATCH",
    path: `/groups/${developers}`,
    body: { display_name: "Platform", add_users: [user("grace")], remove_users: [user("alice")] },
    status: 200,
  },
  { name: "the audit log", method: "GET", path: "/audit?limit=20", status: 200 },
  {
    name: "the audit log, to the first organization's admin",
    method: "GET",
    path: "/audit?limit=20",
    as: "orgadmin",
    status: 200,
  },
  {
    name: "the audit log, to the second organization's admin",
    method: "GET",
    path: "/audit",
    as: "researchadmin",
    status: 200,
    expect: { audit_logs: [], count: 0 },
  },
  { name: "the audit log, paged with a non-number", method: "GET", path: "/audit?limit=1.5&offset=x", status: 400 },
  {
    name: "the audit log: one group's budget changes",
    method: "GET",
    path: audit(`resource_type:group_ai_budget resource_id:${developers}`),
    status: 200,
  },
  {
    name: "the audit log: one group's own changes, a page of 1",
    method: "GET",
    path: audit(`resource_type:group resource_id:${developers}`, "&limit=1"),
    status: 200,
  },
  {
    name: "the audit log: overrides in an organization named, by the organization admin",
    method: "GET",
    path: audit("resource_type:user_ai_budget_override organization:coder"),
    as: "orgadmin",
    status: 200,
  },
  {
    name: "the audit log: my own writes, by username and by email",
    method: "GET",
    path: audit("username:me action:write email:admin@example.com"),
    status: 200,
  },
  {
    name: "the audit log: a day long past",
    method: "GET",
    path: audit("date_from:2000-01-01 date_to:2000-01-01"),
    status: 200,
    expect: { audit_logs: [], count: 0 },
  },
  {
    name: "the audit log: a bare word is a resource type",
    method: "GET",
    path: audit("group_ai_budget"),
    status: 200,
  },
  {
    name: "the audit log: an unknown organization",
    method: "GET",
    path: audit("organization:nowhere"),
    status: 400,
    expect: { message: "Invalid audit search query." },
  },
  {
    name: "the audit log: unknown keys, bad values, an impossible day",
    method: "GET",
    path: audit("colour:red action:paint resource_id:x date_to:2026-02-30"),
    status: 400,
    expect: { message: "Invalid audit search query." },
  },
  { name: "the audit log: a term ending in a colon", method: "GET", path: audit("action:"), status: 400 },
  {
    name: "last month's export (the demo's past usage)",
    method: "GET",
    path: `/organizations/coder/ai/spend/export?${lastMonth}`,
    status: 200,
  },
  {
    name: "a NUL in a display name",
    method: "PATCH",
    path: `/groups/${developers}`,
    body: { display_name: "a\u0000b" },
    status: 400,
    expect: { message: "Request body holds text that cannot be stored." },
  },
  {
    name: "a NUL in a group id",
    method: "GET",
    path: "/groups/%00/ai/budget",
    status: 400,
    expect: { message: "The request path is not valid." },
  },
  {
    name: "a control character in a user name",
    method: "GET",
    path: "/users/bo%01b/ai/spend",
    status: 400,
    expect: { message: "The request path is not valid." },
  },
  {
    name: "a NUL in an organization name, signed out",
    method: "GET",
    path: "/organizations/co%00der/groups",
    as: null,
    status: 400,
  },
  {
    name: "a NUL in a members search",
    method: "GET",
    path: `/groups/${developers}/members?q=%00`,
    status: 400,
    expect: { message: "Query parameters have invalid values." },
  },
  {
    name: "a NUL in a query parameter's name, signed out",
    method: "GET",
    path: "/organizations/coder/paginated-members?%00=1",
    as: null,
    status: 400,
  },
  {
    name: "a path that does not decode",
    method: "PUT",
    path: "/users/%E0%A4%A/ai/budget/override",
    body: { group_id: developers, spend_limit_micros: 1 },
    status: 400,
  },
  {
    name: "a sign-in with a 100 kB email",
    method: "POST",
    path: "/users/login",
    body: { email: `${"x".repeat(100_000)}@example.com`, password: "x" },
    as: null,
    status: 400,
  },
  {
    name: "an unknown API route",
    method: "GET",
    path: "/no-such-route",
    status: 404,
    expect: { message: "Route not found." },
  },
  { name: "an unknown API route, signed out", method: "GET", path: "/no-such-route", as: null, status: 401 },
  { name: "the audit log, to a member", method: "GET", path: "/audit", as: "member", status: 404 },
  {
    name: "unentitled budget read",
    method: "GET",
    path: budget,
    entitled: false,
    status: 403,
    expect: { message: "AI Gateway is a Premium feature. Contact sales!" },
  },
  {
    name: "unentitled spend read",
    method: "GET",
    path: membersSpend(`?user_ids=${user("bob")}`),
    entitled: false,
    status: 403,
  },
  {
    name: "unentitled spend export",
    method: "GET",
    path: "/organizations/coder/ai/spend/export",
    entitled: false,
    status: 403,
  },
  {
    name: "unentitled override write",
    method: "PUT",
    path: "/users/bob/ai/budget/override",
    body: { group_id: developers, spend_limit_micros: 1 },
    entitled: false,
    status: 403,
  },
  // Organizations, and creating and deleting groups. "$created" is the id of the last group created.
  {
    name: "organizations, to an Owner",
    method: "GET",
    path: "/organizations",
    status: 200,
    expect: [
      { name: "coder", is_default: true },
      { name: "research", is_default: false },
    ],
  },
  { name: "organizations, to a member", method: "GET", path: "/organizations", as: "member", status: 200 },
  {
    name: "organizations, to the second organization's admin",
    method: "GET",
    path: "/organizations",
    as: "researchadmin",
    status: 200,
  },
  { name: "organizations, signed out", method: "GET", path: "/organizations", as: null, status: 401 },
  {
    name: "create a group without a name",
    method: "POST",
    path: "/organizations/coder/groups",
    body: { display_name: "QA" },
    status: 400,
    expect: { message: "Validation failed.", validations: [{ field: "name", detail: "Name is required." }] },
  },
  {
    name: "create a group with a name too long",
    method: "POST",
    path: "/organizations/coder/groups",
    body: { name: "a".repeat(33) },
    status: 400,
  },
  {
    name: "create a group named Everyone",
    method: "POST",
    path: "/organizations/coder/groups",
    body: { name: "Everyone" },
    status: 400,
    expect: {
      message: "Invalid group name.",
      validations: [{ field: "name", detail: '"Everyone" is a reserved group name' }],
    },
  },
  {
    name: "create a group, as a member",
    method: "POST",
    path: "/organizations/coder/groups",
    body: { name: "qa" },
    as: "member",
    status: 404,
    expect: NOT_FOUND,
  },
  {
    name: "create a group in another organization, as its outsider's admin",
    method: "POST",
    path: "/organizations/coder/groups",
    body: { name: "qa" },
    as: "researchadmin",
    status: 404,
  },
  {
    name: "create a group with a taken name",
    method: "POST",
    path: "/organizations/coder/groups",
    body: { name: "contractors" },
    status: 409,
    expect: {
      message: 'A group named "contractors" already exists.',
      validations: [{ field: "name", detail: "Group names must be unique" }],
    },
  },
  {
    name: "create a group",
    method: "POST",
    path: "/organizations/coder/groups",
    body: { name: "qa", display_name: "Quality", avatar_url: "/emojis/1f9ea.png", quota_allowance: 3 },
    as: "orgadmin",
    status: 201,
    expect: { name: "qa", display_name: "Quality", organization_name: "coder", members: [], total_member_count: 0 },
  },
  { name: "the new group, by name", method: "GET", path: "/organizations/coder/groups/qa", status: 200 },
  { name: "create it again", method: "POST", path: "/organizations/coder/groups", body: { name: "qa" }, status: 409 },
  {
    name: "delete the Everyone group",
    method: "DELETE",
    path: `/groups/${ORGANIZATION_ID}`,
    status: 400,
    expect: { message: '"Everyone" is a reserved group and cannot be deleted!' },
  },
  { name: "delete a group, as a member", method: "DELETE", path: "/groups/$created", as: "member", status: 404 },
  { name: "delete a group with a bad id", method: "DELETE", path: "/groups/not-a-uuid", status: 400 },
  {
    name: "delete the new group",
    method: "DELETE",
    path: "/groups/$created",
    as: "orgadmin",
    status: 200,
    expect: { message: "Successfully deleted group!" },
  },
  { name: "delete it again", method: "DELETE", path: "/groups/$created", status: 404, expect: NOT_FOUND },
  {
    name: "an override charged to contractors",
    method: "PUT",
    path: "/users/judy/ai/budget/override",
    body: { group_id: group("contractors"), spend_limit_micros: USD(5) },
    status: 200,
  },
  { name: "delete contractors", method: "DELETE", path: `/groups/${group("contractors")}`, status: 200 },
  { name: "its override went with it", method: "GET", path: "/users/judy/ai/budget/override", status: 404 },
  { name: "the groups after deleting", method: "GET", path: "/organizations/coder/groups", status: 200 },
  { name: "the audit log after creating and deleting", method: "GET", path: "/audit?limit=6", status: 200 },
];

/** Values neither backend can know in advance, replaced by their kind. */
const VOLATILE = new Set([
  "created_at",
  "last_seen_at",
  "updated_at",
  "time",
  "refreshed_at",
  "session_token",
  "period_start",
  "period_end",
  "external_url",
  "dashboard_url",
]);
function normalize(value: unknown, key = ""): unknown {
  if (Array.isArray(value)) return value.map((item) => normalize(item));
  if (value && typeof value === "object") {
    // An audit row's id is random on both sides.
    const audited = "resource_type" in value;
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => [k, audited && k === "id" ? "<audit id>" : normalize(v, k)] as const,
    );
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }
  if (VOLATILE.has(key) && typeof value === "string")
    return `<${key}: ${/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value) ? "ISO time" : "string"}>`;
  return value;
}

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  // The CSV export: its text, type and file name, compared as they are.
  const body = type.startsWith("text/csv")
    ? { content_type: type, content_disposition: response.headers.get("content-disposition"), csv: text }
    : text
      ? JSON.parse(text)
      : undefined;
  return { status: response.status, body, etag: response.headers.get("etag") };
}

function mswBackend(): Backend & { close: () => void } {
  const server = setupServer(...handlers, unknownApiRoute);
  server.listen({ onUnhandledRequest: "error" });
  resetMockBackend(demoBackendState);
  return {
    call: async ({ method, path, body, as, headers }) => {
      if (as === null) mockBackend.signedIn = false;
      else mockSignIn(as);
      return read(
        await fetch(`http://contract.test/api/v2${path}`, {
          method,
          body,
          headers: { "Content-Type": "application/json", ...headers },
        }),
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
    call: async ({ method, path, body, as, headers }) =>
      read(await api.request(path, { method, body, headers, ...(as === null ? {} : { as }) })),
    setEntitled: (entitled) => {
      api.deps.aiEntitled = entitled;
    },
  };
}

/** The answer with every id of a group this run created put as "<created group>": each side makes its own. */
function withCreatedIds(value: unknown, created: Set<string>): unknown {
  if (typeof value === "string") return created.has(value) ? "<created group>" : value;
  if (Array.isArray(value)) return value.map((item) => withCreatedIds(item, created));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withCreatedIds(v, created)]));
  return value;
}

async function run(backend: Backend): Promise<Answer[]> {
  const answers: Answer[] = [];
  let lastETag = "";
  const created = new Set<string>();
  let lastCreated = "";
  for (const step of steps) {
    backend.setEntitled(step.entitled ?? true);
    const headers = Object.fromEntries(
      Object.entries(step.headers ?? {}).map(([name, value]) => [name, value === "$etag" ? lastETag : value]),
    );
    const body = step.rawBody ?? (step.body === undefined ? undefined : JSON.stringify(step.body));
    const answer = await backend.call({
      method: step.method,
      path: step.path.replace("$created", lastCreated),
      body,
      as: step.as === undefined ? "admin" : step.as,
      headers,
    });
    if (answer.etag) lastETag = answer.etag;
    if (step.method === "POST" && answer.status === 201 && step.path.endsWith("/groups")) {
      lastCreated = (answer.body as { id: string }).id;
      created.add(lastCreated);
    }
    answers.push({ ...answer, body: withCreatedIds(answer.body, created) });
  }
  return answers;
}

describe("the contract", () => {
  let api: TestApi;
  let fromMocks: Answer[];
  let fromServer: Answer[];
  beforeAll(async () => {
    api = await openTestApi();
    const mocks = mswBackend();
    try {
      fromMocks = await run(mocks);
    } finally {
      mocks.close();
    }
    fromServer = await run(serverBackend(api));
    // Generous: on a busy machine two whole runs of the contract take more than a minute.
  }, 240_000);
  afterAll(async () => {
    await api.close();
  });

  it.each(steps.map((step, i) => [`${step.method} ${step.name}`, i] as const))(
    "%s: the mocks answer as the server does",
    (_, i) => {
      const step = steps[i]!;
      const [mock, real] = [fromMocks[i]!, fromServer[i]!];
      expect(real.status, "the server's status").toBe(step.status);
      expect(mock.status, "the mocks' status").toBe(step.status);
      expect(normalize(mock.body)).toEqual(normalize(real.body));
      // An ETag is opaque to clients: both send one, or neither.
      expect(mock.etag === null, "an ETag from the mocks").toBe(real.etag === null);
      if (step.expect !== undefined) expect(real.body).toMatchObject(step.expect as object);
    },
  );

  it("speaks the API of a Coder that has AI budgets, on both sides", () => {
    const i = steps.findIndex((step) => step.path === "/buildinfo");
    for (const answer of [fromMocks[i]!, fromServer[i]!]) {
      const { version } = answer.body as { version: string };
      expect(parseCoderVersion(version), version).toBeDefined();
      expect(versionHasAIBudgets(version), version).toBe(true);
    }
  });
});
