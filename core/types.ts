// Wire types of Coder's HTTP API that this module speaks. The axios client,
// the MSW handlers and the embedded server all import them from here, so the
// three cannot drift apart. One file on purpose (over ~200 lines): it is the
// contract, read whole; it holds declarations only.

export interface ValidationError {
  field: string;
  detail: string;
}

/** Coder's error body (codersdk.Response; named apart from the web's own Response). */
export interface ApiResponse {
  message: string;
  detail?: string;
  validations?: ValidationError[];
}

export interface LoginWithPasswordRequest {
  email: string;
  password: string;
}

export interface LoginWithPasswordResponse {
  session_token: string;
}

export interface Role {
  name: string;
  display_name: string;
  organization_id?: string;
}

export interface User {
  id: string;
  username: string;
  email: string;
  name: string;
  avatar_url: string;
  status: UserStatus;
  roles: Role[];
  organization_ids: string[];
  created_at: string;
  /** When Coder last saw them (Coder's User carries it). */
  last_seen_at?: string;
}

export type UserStatus = "active" | "suspended" | "dormant";

export type ReducedUser = Pick<User, "id" | "username" | "email" | "name" | "avatar_url" | "status" | "created_at"> & {
  /** When Coder last saw them (Coder's ReducedUser carries it; older fixtures may not). */
  last_seen_at?: string;
};

export type Entitlement = "entitled" | "grace_period" | "not_entitled";

export interface Feature {
  entitlement: Entitlement;
  enabled: boolean;
}

export interface Entitlements {
  features: Record<string, Feature>;
  has_license: boolean;
  warnings: string[];
  errors: string[];
  trial: boolean;
  require_telemetry: boolean;
  refreshed_at: string;
}

export type RBACResource = "group" | "user" | "organization" | "group_member" | "audit_log";
export type RBACAction = "read" | "update" | "create" | "delete";

export interface AuthorizationObject {
  resource_type: RBACResource;
  resource_id?: string;
  organization_id?: string;
  owner_id?: string;
}

export interface AuthorizationCheck {
  object: AuthorizationObject;
  action: RBACAction;
}

export interface AuthorizationRequest {
  checks: Record<string, AuthorizationCheck>;
}

export type AuthorizationResponse = Record<string, boolean>;

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

export interface GroupAIBudget {
  group_id: string;
  spend_limit_micros: number;
  created_at: string;
  updated_at: string;
}

/**
 * 412 from the embedded backend: the budget is no longer what the writer's
 * If-Match / If-None-Match said. `current` is what is stored now.
 */
export interface BudgetConflictResponse extends ApiResponse {
  current: GroupAIBudget | null;
}

export interface UpsertGroupAIBudgetRequest {
  spend_limit_micros: number;
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

export type LimitSource = "group" | "user_override";

export interface EffectiveBudget {
  spend_limit_micros: number;
  limit_source: LimitSource;
}

/** One member's spend this period and which budget governs them. */
export interface GroupMemberAISpend {
  user_id: string;
  /**
   * The group whose budget governs the member (an Everyone group when none
   * does); null when that group is in another organization.
   */
  effective_group_id: string | null;
  /** The governing limit, only when its group is in this organization and it has one. */
  effective_budget: EffectiveBudget | null;
  /** The governing limit, only when this group is the one that governs the member. */
  group_budget: EffectiveBudget | null;
  /** The member's spend charged to this group this period (not their total). */
  group_spend_micros: number;
}

export interface GroupMembersAISpendResponse {
  period_start: string;
  period_end: string;
  members: GroupMemberAISpend[];
}

export interface GroupAISpend {
  group_id: string;
  spend_limit_micros: number | null;
  /**
   * The limit of the members this group governs (its per-member limit each,
   * or their override charged here); null without a budget of its own.
   */
  total_spend_limit_micros: number | null;
  /** Spend charged to this group this period. */
  current_spend_micros: number;
}

export interface GroupsAISpendResponse {
  period_start: string;
  period_end: string;
  groups: GroupAISpend[];
}

export interface UserAIBudgetOverride {
  user_id: string;
  group_id: string;
  spend_limit_micros: number;
  created_at: string;
  updated_at: string;
}

export interface UpsertUserAIBudgetOverrideRequest {
  group_id: string;
  spend_limit_micros: number;
}

export interface UserAISpend {
  user_id: string;
  effective_group_id: string | null;
  effective_budget: EffectiveBudget | null;
  current_spend_micros: number;
  period_start: string;
  period_end: string;
}

/** `GET /groups/{g}/ai/spend`: one group's row of the organization's groups' spend, with the period. */
export interface GroupAISpendResponse extends GroupAISpend {
  period_start: string;
  period_end: string;
}

/** One organization's budget and spend for a user, resolved as for a request in that organization. */
export interface UserOrganizationAISpend {
  organization_id: string;
  organization_name: string;
  organization_display_name: string;
  /** The group that would govern a request there (its Everyone group when none does). */
  effective_group_id: string;
  effective_budget: EffectiveBudget | null;
  /** Spend charged to that group this period. */
  current_spend_micros: number;
}

/** `GET /users/{u}/ai/spend/organizations` (Coder v2.40, request organizations). */
export interface UserOrganizationsAISpend {
  /** The organization of the user's deployment-wide effective group (null: in no organization). */
  organization_id: string | null;
  organizations: UserOrganizationAISpend[];
  period_start: string;
  period_end: string;
}

/** One user's row of the per-user spend report. */
export interface AISpendReportUser {
  user_id: string;
  username: string;
  name: string;
  avatar_url: string;
  organization_id: string;
  cost_micros: number;
  /** Requests whose model had no price configured: their cost is not in `cost_micros`. */
  unpriced_usage_count: number;
  providers: string[];
  models: string[];
  clients: string[];
}

/** The per-user spend report: a page of users, most expensive first, with the count and totals of all. */
export interface AISpendUsersReport {
  period_start: string;
  period_end: string;
  /** Set when the retention window cut the default period short. */
  retention_start?: string;
  count: number;
  totals: { cost_micros: number; unpriced_usage_count: number };
  users: AISpendReportUser[];
}

/** At most this many ids in one spend request, as Coder allows. */
export const MAX_SPEND_IDS = 100;
export const NOT_A_GROUP_MEMBER_MESSAGE = "User is not a member of the referenced group.";
/** PATCH add_users naming a user who is not in the group's organization (or no user at all). */
export const ADD_OUTSIDER_MESSAGE = "Every added user must be a member of the group's organization.";

/** The feature that gates AI budgets in Coder's entitlements. */
export const AI_FEATURE = "aibridge";

export const AI_UNENTITLED_MESSAGE = "AI Gateway is a Premium feature. Contact sales!";
export const BUDGET_CONFLICT_MESSAGE = "The AI budget was changed by someone else.";
export const INVALID_SPEND_LIMIT_MESSAGE = "Invalid AI spend limit.";
export const SESSION_TOKEN_HEADER = "Coder-Session-Token";
export const SESSION_TOKEN_COOKIE = "coder_session_token";

/** A sign-in method of the deployment, as `GET /users/authmethods` reports it. */
export interface AuthMethod {
  enabled: boolean;
}

export interface OIDCAuthMethod extends AuthMethod {
  signInText: string;
  iconUrl: string;
}

/** `GET /users/authmethods`: which ways of signing in the deployment has on. */
export interface AuthMethods {
  terms_of_service_url?: string;
  password: AuthMethod;
  github: AuthMethod;
  oidc: OIDCAuthMethod;
}

/** `GET /buildinfo` (the fields this module reads; Coder sends more). */
export interface BuildInfoResponse {
  version: string;
  external_url: string;
  dashboard_url?: string;
  deployment_id?: string;
  workspace_proxy?: boolean;
  upgrade_message?: string;
}

/**
 * This app's own endpoint (not Coder's): a session token the admin pasted
 * from `<deployment>/cli-auth` becomes this origin's session cookie.
 */
export const SESSION_TOKEN_SIGN_IN_PATH = "/api/app/session";

export interface SessionTokenSignInRequest {
  session_token: string;
}

/** Coder's cookie under `CODER_HOST_PREFIX_COOKIE`. */
export const HOST_PREFIXED_SESSION_TOKEN_COOKIE = `__Host-${SESSION_TOKEN_COOKIE}`;
/** What an unknown route answers: the deployment lacks the feature, not the resource. */
export const ROUTE_NOT_FOUND_MESSAGE = "Route not found.";

/** Coder's `codersdk.Organization`, as `GET /organizations` lists them. */
export interface Organization {
  id: string;
  name: string;
  display_name: string;
  description: string;
  icon: string;
  created_at: string;
  updated_at: string;
  is_default: boolean;
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
