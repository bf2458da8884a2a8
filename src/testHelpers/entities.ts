import type { Entitlements, Group, GroupAIBudget, ReducedUser, User } from "../../core/types";

export const MockOrganizationId = "6d6d8f6e-3a4b-4c2f-9d1e-000000000001";
export const MockOrganizationName = "coder";

const memberNames = ["alice", "bob", "carol", "dave", "erin", "frank", "member"];

export const MockMembers: ReducedUser[] = memberNames.map((username, index) => ({
  id: `00000000-0000-4000-8000-00000000001${index}`,
  username,
  email: `${username}@example.com`,
  name: username[0]!.toUpperCase() + username.slice(1),
  avatar_url: "",
  status: "active",
  created_at: "2026-01-05T10:00:00Z",
  last_seen_at: "2026-01-05T10:00:00Z",
}));

export const MockOwner: User = {
  id: "00000000-0000-4000-8000-000000000001",
  username: "admin",
  email: "admin@example.com",
  name: "Admin",
  avatar_url: "",
  status: "active",
  roles: [{ name: "owner", display_name: "Owner" }],
  organization_ids: [MockOrganizationId],
  created_at: "2026-01-01T10:00:00Z",
};

/** An Organization Admin: may change the organization's groups and budgets, not users' overrides. */
export const MockOrgAdmin: User = {
  id: "00000000-0000-4000-8000-000000000002",
  username: "orgadmin",
  email: "orgadmin@example.com",
  name: "Olga Orgadmin",
  avatar_url: "",
  status: "active",
  roles: [{ name: "organization-admin", display_name: "Organization Admin", organization_id: MockOrganizationId }],
  organization_ids: [MockOrganizationId],
  created_at: "2026-01-01T10:01:00Z",
};

export const MockGroup: Group = {
  id: "a1b2c3d4-0000-4000-8000-000000000007",
  name: "developers",
  display_name: "Developers",
  organization_id: MockOrganizationId,
  organization_name: MockOrganizationName,
  organization_display_name: "Coder",
  members: MockMembers,
  total_member_count: MockMembers.length,
  avatar_url: "",
  quota_allowance: 0,
  source: "user",
};

export const MockSingleMemberGroup: Group = {
  ...MockGroup,
  id: "a1b2c3d4-0000-4000-8000-000000000001",
  name: "contractors",
  display_name: "Contractors",
  members: MockMembers.slice(0, 1),
  total_member_count: 1,
};

export const MockBudget: GroupAIBudget = {
  group_id: MockGroup.id,
  spend_limit_micros: 1_000_000_000,
  created_at: "2026-11-02T09:00:00Z",
  updated_at: "2026-11-02T09:00:00Z",
};

const baseEntitlements = (aiEnabled: boolean): Entitlements => ({
  features: {
    aibridge: {
      entitlement: aiEnabled ? "entitled" : "not_entitled",
      enabled: aiEnabled,
    },
  },
  has_license: aiEnabled,
  warnings: [],
  errors: [],
  trial: false,
  require_telemetry: false,
  refreshed_at: "2026-11-28T00:00:00Z",
});

export const MockEntitlements = baseEntitlements(true);
export const MockEntitlementsWithoutAI = baseEntitlements(false);

/** This month's spend of the mock members, in micros. */
export const MockMemberSpend: Record<string, number> = {
  alice: 120_000_000,
  bob: 870_000_000,
  carol: 1_050_000_000,
  dave: 24_990_000,
  erin: 0,
  frank: 0,
  member: 312_500_000,
};

export const MockOtherGroupId = "a1b2c3d4-0000-4000-8000-0000000000ff";
/** A second organization, for members governed by a group the first cannot see. */
export const MockOtherOrganizationId = "6d6d8f6e-3a4b-4c2f-9d1e-000000000002";
export const MockPeriod = { period_start: "2026-11-01T00:00:00Z", period_end: "2026-12-01T00:00:00Z" };
