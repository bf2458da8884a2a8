// Query options for AI spend and overrides. What a save changes in the cached
// answers is in cache.ts; the batching in spendBatches.ts.
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { API } from "../api";
import { isNotFound } from "../errors";
import { overBudgetCount } from "../../../core/domain/budgetRules";
import type {
  GroupAISpend,
  GroupMemberAISpend,
  UpsertUserAIBudgetOverrideRequest,
  UserAIBudgetOverride,
} from "../../../core/types";
import { aiBudgetsCertain } from "./aiFeature";
import { overrideSaved, seedMembersSpend } from "./spendCache";
import type { GroupsSpend, MembersSpend } from "./cachedData";
import { idsFingerprint, queryKeys } from "./keys";
import { fetchGroupsSpendRows, fetchMembersSpendRows } from "./spendBatches";

export type { GroupsSpend, MembersSpend } from "./cachedData";

/** Spend of every listed member, fetched in batches of 100 ids, merged. */
export const groupMembersAISpend = (groupId: string, userIds: string[]) =>
  queryOptions({
    queryKey: [...queryKeys.groupMembersAISpend(groupId), userIds.length, idsFingerprint(userIds)] as const,
    queryFn: async ({ signal }): Promise<MembersSpend> => {
      const { members, ...period } = await fetchMembersSpendRows(groupId, userIds, signal);
      return { ...period, byUser: new Map<string, GroupMemberAISpend>(members.map((m) => [m.user_id, m])) };
    },
  });

/** Starts loading the spend of the given members, when the deployment certainly has AI budgets. */
export async function prefetchMembersSpend(
  queryClient: QueryClient,
  groupId: string,
  userIds: string[],
): Promise<void> {
  if (!(await aiBudgetsCertain(queryClient)) || userIds.length === 0) return;
  const options = groupMembersAISpend(groupId, userIds);
  // A page of members the settings page already read, with the rest of them.
  seedMembersSpend(queryClient, options.queryKey, groupId, userIds);
  await queryClient.prefetchQuery(options);
}

export const groupsAISpend = (organization: string, groupIds: string[]) =>
  queryOptions({
    queryKey: queryKeys.groupsAISpend(organization, groupIds),
    queryFn: async ({ signal }): Promise<GroupsSpend> => {
      const { groups, ...period } = await fetchGroupsSpendRows(organization, groupIds, signal);
      return { ...period, byGroup: new Map<string, GroupAISpend>(groups.map((g) => [g.group_id, g])) };
    },
  });

/** The user's override, or null when none is set. */
export const userAIBudgetOverride = (user: string) =>
  queryOptions({
    queryKey: queryKeys.userAIBudgetOverride(user),
    queryFn: async ({ signal }): Promise<UserAIBudgetOverride | null> => {
      try {
        return await API.getUserAIBudgetOverride(user, signal);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
  });

/** Sets the override, or removes it when given null; refreshes the members' spend it changes. */
export const saveUserAIBudgetOverride = (queryClient: QueryClient, user: string) => ({
  mutationFn: async (request: UpsertUserAIBudgetOverrideRequest | null): Promise<UserAIBudgetOverride | null> => {
    if (request === null) {
      await API.deleteUserAIBudgetOverride(user);
      return null;
    }
    return API.upsertUserAIBudgetOverride(user, request);
  },
  // The members tab stays on screen behind the dialog: it shows the new limit.
  onSuccess: (saved: UserAIBudgetOverride | null) => overrideSaved(queryClient, user, saved),
});

/** A user's own spend this period and the budget that governs it ("me" for the signed-in user). */
export const userAISpend = (user: string) =>
  queryOptions({
    queryKey: queryKeys.userAISpend(user),
    queryFn: ({ signal }) => API.getUserAISpend(user, signal),
  });

/**
 * How many of a group's members are over their limit there, from every
 * member's row (in batches of 100, as the members tab reads them). Its own
 * key: the members tab and the settings page keep theirs.
 */
export const groupOverBudgetCount = (groupId: string, userIds: string[]) =>
  queryOptions({
    queryKey: [...queryKeys.groupOverBudgetCount(groupId), userIds.length, idsFingerprint(userIds)] as const,
    queryFn: async ({ signal }): Promise<number> => {
      const { members } = await fetchMembersSpendRows(groupId, userIds, signal);
      return overBudgetCount(groupId, members);
    },
  });
