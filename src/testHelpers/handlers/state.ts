// The mock deployment's data, as one value tests may change before rendering,
// and the fixtures it starts from.
import type { AuditLog, AuthMethods, Group, GroupAIBudget, ReducedUser, User } from "../../../core/types";
import { EMBEDDED_BACKEND_VERSION } from "../../../core/buildInfo";
import type { UsageRecord } from "../../../core/domain/spendExport";
import {
  MockBudget,
  MockGroup,
  MockMemberSpend,
  MockMembers,
  MockOrgAdmin,
  MockOrganizationId,
  MockOrganizationName,
  MockOwner,
  MockSingleMemberGroup,
} from "../entities";

export const MOCK_PASSWORD = "SomeSecurePassword!";

export interface MockOrganization {
  id: string;
  name: string;
  display_name: string;
  is_default: boolean;
}

export interface MockUser extends ReducedUser {
  site_roles: string[];
}

export interface MockOverride {
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
  /** AI Gateway's retention window in ms, as the embedded backend's AI_RETENTION_DAYS (unset: none). */
  aiRetentionMs?: number;
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

export const FIXED_TIME = "2026-11-02T09:00:00.000Z";

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
    spend: MockGroup.members.flatMap((m) =>
      MockMemberSpend[m.username]
        ? [{ user_id: m.id, group_id: MockGroup.id, micros: MockMemberSpend[m.username]! }]
        : [],
    ),
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

export const userByName = (nameOrId: string) =>
  mockBackend.users.find((u) => u.username === nameOrId || u.id === nameOrId);

/** A user as Coder lists them in a group: with when they were last seen (their creation, where a test set none). */
export const pickReducedUser = ({ site_roles: _roles, ...user }: MockUser): ReducedUser => ({
  ...user,
  last_seen_at: user.last_seen_at ?? user.created_at,
});

/** The signed-in user's name, for the audit log. */
export const actorName = () => userByName(mockBackend.userId)!.username;
