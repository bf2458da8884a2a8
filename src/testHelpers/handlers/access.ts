// The mock deployment as Coder's rules see it (core/domain), and who may read
// or change what: the same permissions as the server (server/rbac.ts).
import type { Group, User } from "../../../core/types";
import type { AuditEntry } from "../../../core/domain/audit";
import { membersOf, type BudgetWorld } from "../../../core/domain/budgetWorld";
import * as permissions from "../../../core/domain/permissions";
import { MockGroup } from "../entities";
import { mockBackend, pickReducedUser, userByName, type MockUser } from "./state";

export const isEveryone = (group: Pick<Group, "id" | "organization_id">) => group.id === group.organization_id;

/** The deployment as Coder's rules see it. */
export function world(): BudgetWorld {
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
export function served(group: Group): Group {
  if (!isEveryone(group)) return group;
  const ids = new Set(membersOf(world(), group.id));
  const members = mockBackend.users
    .filter((u) => ids.has(u.id))
    .map(pickReducedUser)
    .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  return { ...group, members, total_member_count: members.length };
}

export function viewer(): permissions.Viewer {
  const user = userByName(mockBackend.userId)!;
  const memberships = mockBackend.organizationMembers.filter((m) => m.user_id === user.id);
  return { id: user.id, siteRoles: user.site_roles, memberships };
}

export function signedInUser(): User {
  const user = userByName(mockBackend.userId)!;
  const { memberships } = viewer();
  const names: Record<string, string> = {
    owner: "Owner",
    "user-admin": "User Admin",
    "organization-admin": "Organization Admin",
    auditor: "Auditor",
    "template-admin": "Template Admin",
    "organization-auditor": "Organization Auditor",
    "organization-template-admin": "Organization Template Admin",
  };
  return {
    ...pickReducedUser(user),
    roles: [
      ...user.site_roles.map((name) => ({ name, display_name: names[name] ?? name })),
      ...memberships.flatMap((m) =>
        m.roles.map((name) => ({ name, display_name: names[name] ?? name, organization_id: m.organization_id })),
      ),
    ],
    organization_ids: memberships.map((m) => m.organization_id),
  };
}

export const organizationsOf = (userId: string) =>
  mockBackend.organizationMembers.filter((m) => m.user_id === userId).map((m) => m.organization_id);
export const isMember = (groupId: string, userId: string) => membersOf(world(), groupId).includes(userId);
export const canRead = (group: Group) =>
  permissions.canReadGroupsOf(viewer(), group.organization_id) || isMember(group.id, mockBackend.userId);
/** Coder's read set for an organization's groups, member rows, spend and export. */
export const canReadGroups = (organizationId: string) => permissions.canReadGroupsOf(viewer(), organizationId);

/** The organization an `:organization` parameter names (an id, a name or "default"), if the signed-in user may read it. */
export function readableOrganization(param: unknown) {
  const name = String(param);
  const organization =
    mockBackend.organizations.find((o) => o.id === name.toLowerCase()) ??
    mockBackend.organizations.find((o) => o.name === name) ??
    (name === "default" ? mockBackend.organizations.find((o) => o.is_default) : undefined);
  return organization && permissions.canReadOrganization(viewer(), organization.id) ? organization : undefined;
}
export const canUpdate = (group: Pick<Group, "organization_id">) =>
  permissions.canUpdateGroup(viewer(), group.organization_id);

export function audit(entry: AuditEntry): void {
  const actor = userByName(mockBackend.userId)!;
  mockBackend.auditLogs.unshift({
    id: crypto.randomUUID(),
    time: new Date().toISOString(),
    user_id: actor.id,
    username: actor.username,
    ...entry,
  });
}

/** Every group, Everyone groups included, as the database holds them. */
export function allGroups(): Group[] {
  const everyone = mockBackend.organizations
    .filter((o) => !mockBackend.groups.some((g) => g.id === o.id))
    .map((o) => ({
      ...structuredClone(MockGroup),
      id: o.id,
      name: "Everyone",
      display_name: "Everyone",
      organization_id: o.id,
      organization_name: o.name,
      organization_display_name: o.display_name,
      members: [],
      total_member_count: 0,
    }));
  return [...mockBackend.groups, ...everyone];
}

export const findGroupById = (id: string) => allGroups().find((g) => g.id === id);
/** The group at `id` if the signed-in user may read it. */
export const readableGroup = (id: string) => {
  const group = findGroupById(id);
  return group && canRead(group) ? group : undefined;
};

/** The user a `:user` path parameter names ("me", a username or an id). */
export const namedUser = (param: unknown): MockUser | undefined =>
  userByName(param === "me" ? mockBackend.userId : String(param));

/** The named user, if the signed-in user may read their budget and spend. */
export function readableUser(param: unknown): MockUser | undefined {
  const user = namedUser(param);
  return user && permissions.canReadUserBudget(viewer(), user.id, organizationsOf(user.id)) ? user : undefined;
}
