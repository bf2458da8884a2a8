// Coder's wire for AI budgets: a group's budget, a user's override, and spend against them
// (per member, per group, per user and organization, and the per-user report).
import type { ApiResponse } from "./account";

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
