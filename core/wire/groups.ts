// Coder's wire for groups: the group, its members, creating, editing and deleting it, and the
// audit log that records it all; the refusals word for word.
import type { ReducedUser } from "./account";

export type GroupSource = "user" | "oidc";

export interface Group {
  id: string;
  name: string;
  display_name: string;
  organization_id: string;
  organization_name: string;
  organization_display_name: string;
  members: ReducedUser[];
  total_member_count: number;
  avatar_url: string;
  quota_allowance: number;
  source: GroupSource;
}

export interface PatchGroupRequest {
  name?: string;
  display_name?: string;
  avatar_url?: string;
  quota_allowance?: number;
  add_users: string[];
  remove_users: string[];
}

export interface AuditLog {
  id: string;
  time: string;
  action: "create" | "write" | "delete";
  resource_type: "group_ai_budget" | "group" | "user_ai_budget_override";
  resource_id: string;
  resource_target: string;
  user_id: string;
  username: string;
  organization_id: string;
  diff: Record<string, { old: unknown; new: unknown }>;
  description: string;
  status_code: number;
}

export interface AuditLogResponse {
  audit_logs: AuditLog[];
  count: number;
}

/** Coder's `codersdk.CreateGroupRequest` (`POST /organizations/{o}/groups`). */
export interface CreateGroupRequest {
  name: string;
  display_name: string;
  avatar_url: string;
  quota_allowance: number;
}

/** Coder's answers around creating and deleting groups, word for word (enterprise/coderd/groups.go). */
export const EVERYONE_GROUP_NAME = "Everyone";
export const RESERVED_GROUP_NAME_MESSAGE = "Invalid group name.";
export const reservedGroupNameDetail = (name: string) => `${JSON.stringify(name)} is a reserved group name`;
export const groupNameTakenMessage = (name: string) => `A group named ${JSON.stringify(name)} already exists.`;
export const GROUP_NAME_TAKEN_DETAIL = "Group names must be unique";
export const EVERYONE_UNDELETABLE_MESSAGE = '"Everyone" is a reserved group and cannot be deleted!';
export const GROUP_DELETED_MESSAGE = "Successfully deleted group!";

/** A member as Coder's paginated group-members endpoint lists them: a reduced user with when they were last seen. */
export type GroupMember = ReducedUser & { last_seen_at: string };

/** `GET /groups/{group}/members?q=&limit=&offset=`: one page of members and how many match in all. */
export interface GroupMembersResponse {
  users: GroupMember[];
  count: number;
}

/** Coder's answers to a PATCH of a group's members that it refuses (enterprise/coderd/groups.go, patchGroup). */
export const EVERYONE_MEMBERSHIP_MESSAGE = 'Cannot add or remove users from the "Everyone" group!';
export const DUPLICATE_MEMBER_MESSAGE = "Cannot add the same user to a group twice!";
/** Coder names the group here, though it says "organization": its words, kept as they are. */
export const notOrganizationMemberMessage = (groupName: string) =>
  `User must be a member of organization "${groupName}"`;
export const invalidUserIdMessage = (id: string) => `ID "${id}" must be a valid user UUID.`;

/** One member of an organization, as Coder's `GET /organizations/{o}/paginated-members` lists them. */
export interface OrganizationMemberWithUserData {
  organization_id: string;
  user_id: string;
  username: string;
  name: string;
  email: string;
  avatar_url: string;
  /** Their roles in this organization. */
  roles: { name: string; display_name: string; organization_id: string }[];
  /** Their deployment-wide roles. */
  global_roles: { name: string; display_name: string }[];
  created_at: string;
  updated_at: string;
}

export interface PaginatedMembersResponse {
  members: OrganizationMemberWithUserData[];
  count: number;
}
