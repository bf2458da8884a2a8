// Shaping the mock deployment from a test or a story: who is signed in, more
// groups, organizations, users, overrides, spend and usage, and a budget
// changed behind the page's back.
import type { ReducedUser } from "../../../core/types";
import type { UsageRecord } from "../../../core/domain/spendExport";
import { MockGroup, MockOrganizationId } from "../entities";
import { FIXED_TIME, mockBackend, pickReducedUser, userByName } from "./state";

/** Signs in as another user of the mock deployment, by username. */
export function mockSignIn(username: string): void {
  const user = userByName(username);
  if (!user) throw new Error(`No mock user ${username}`);
  mockBackend.userId = user.id;
  mockBackend.signedIn = true;
}

/** Adds a group (in the fixture organization unless told otherwise), with members by username and a budget. */
export function mockAddGroup(group: {
  id: string;
  name: string;
  members: string[];
  budgetMicros?: number;
  organizationId?: string;
}): void {
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
  mockBackend.organizations.push({
    id: organization.id,
    name: organization.name,
    display_name: organization.name,
    is_default: false,
  });
  for (const name of organization.members) {
    mockBackend.organizationMembers.push({
      organization_id: organization.id,
      user_id: userByName(name)!.id,
      member_since: Date.UTC(2026, 5, 1),
      roles: [],
    });
  }
}

/** Adds users to the fixture organization (joined after everyone else). */
export function mockAddUsers(users: ReducedUser[]): void {
  for (const user of users) {
    mockBackend.users.push({ ...user, site_roles: [] });
    mockBackend.organizationMembers.push({
      organization_id: MockOrganizationId,
      user_id: user.id,
      member_since: Date.UTC(2026, 1, 1),
      roles: [],
    });
  }
}

export function mockSetOverride(username: string, groupId: string, spendLimitMicros: number): void {
  mockBackend.overrides.set(userByName(username)!.id, {
    group_id: groupId,
    spend_limit_micros: spendLimitMicros,
    created_at: FIXED_TIME,
    updated_at: FIXED_TIME,
  });
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
  mockBackend.usage ??= [];
  mockBackend.usage.push({ ...usage, user_id, group_id: groupId, created_at: at.getTime() });
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
