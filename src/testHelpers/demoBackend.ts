// The MSW backend holding the embedded server's demo deployment
// (server/seedData.ts), so the contract test can ask both the same questions
// about the same data and expect the same answers.
import {
  DEMO_PASSWORD,
  SEED_GROUPS,
  SEED_ORGANIZATIONS,
  SEED_USERS,
  seedLastSeen,
  seedMemberSince,
  seedMemberships,
} from "../../server/seedData";
import { SEED_SPEND, seedPastUsage, seedUsage } from "../../server/seedUsage";
import type { Group, ReducedUser } from "../../core/types";
import { dollarsToMicros } from "../../core/currency";
import { EMBEDDED_BACKEND_VERSION } from "../../core/buildInfo";
import { EMBEDDED_AUTH_METHODS, MOCK_PASSWORD, type MockBackendState, type MockUser } from "./handlers";

if (DEMO_PASSWORD !== MOCK_PASSWORD) throw new Error("The demo and the mocks must share one password.");

const CREATED = "2026-11-01T00:00:00.000Z";

/** The demo deployment as the server seeds it at `now` (its usage is spread over this month up to then). */
export function demoBackendState(now: Date = new Date()): MockBackendState {
  const users: MockUser[] = SEED_USERS.map((u, i) => ({
    id: u.id,
    username: u.username,
    email: `${u.username}@example.com`,
    name: u.name,
    avatar_url: "",
    status: "active",
    created_at: new Date(seedMemberSince(i, SEED_ORGANIZATIONS[0]!.id)).toISOString(),
    last_seen_at: new Date(seedLastSeen(i, now)).toISOString(),
    site_roles: u.siteRoles,
  }));
  const reduced = (username: string): ReducedUser => {
    const { site_roles: _roles, ...user } = users.find((u) => u.username === username)!;
    return user;
  };
  const organization = (id: string) => SEED_ORGANIZATIONS.find((o) => o.id === id)!;
  const group = (id: string, organizationId: string, name: string, displayName: string, members: string[]): Group => ({
    id,
    name,
    display_name: displayName,
    organization_id: organizationId,
    organization_name: organization(organizationId).name,
    organization_display_name: organization(organizationId).displayName,
    members: members.map(reduced).sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0)),
    total_member_count: members.length,
    avatar_url: "",
    quota_allowance: 0,
    source: "user",
  });
  const groupIdOf = new Map<string, string>([
    ["Everyone", SEED_ORGANIZATIONS[0]!.id],
    ...SEED_GROUPS.map((g) => [g.name, g.id] as [string, string]),
  ]);
  const budgeted = SEED_GROUPS.filter((g) => g.budgetMicros !== null);
  return {
    organizations: SEED_ORGANIZATIONS.map((o) => ({
      id: o.id,
      name: o.name,
      display_name: o.displayName,
      is_default: o.isDefault,
    })),
    users,
    organizationMembers: SEED_USERS.flatMap((u, i) =>
      seedMemberships(u).map(({ organizationId, roles }) => ({
        organization_id: organizationId,
        user_id: u.id,
        member_since: seedMemberSince(i, organizationId),
        roles,
      })),
    ),
    groups: [
      ...SEED_ORGANIZATIONS.map((o) => group(o.id, o.id, "Everyone", "Everyone", [])),
      ...SEED_GROUPS.map((g) => group(g.id, g.organizationId, g.name, g.displayName, g.members)),
    ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    budgets: new Map(
      budgeted.map((g) => [
        g.id,
        { group_id: g.id, spend_limit_micros: g.budgetMicros!, created_at: CREATED, updated_at: CREATED },
      ]),
    ),
    versions: new Map(budgeted.map((g, i) => [g.id, i + 1])),
    nextVersion: budgeted.length + 1,
    overrides: new Map(),
    spend: SEED_SPEND.map((s) => ({
      user_id: users.find((u) => u.username === s.username)!.id,
      group_id: groupIdOf.get(s.group)!,
      micros: dollarsToMicros(String(s.usd)),
    })),
    usage: [...seedPastUsage(now), ...seedUsage(now)].map(({ username, group, ...usage }) => ({
      ...usage,
      user_id: users.find((u) => u.username === username)!.id,
      group_id: groupIdOf.get(group)!,
    })),
    auditLogs: [],
    aiEntitled: true,
    signedIn: false,
    userId: users[0]!.id,
    authMethods: structuredClone(EMBEDDED_AUTH_METHODS),
    version: EMBEDDED_BACKEND_VERSION,
  };
}
