import type { QueryClient } from "@tanstack/react-query";
import { API } from "../api";
import { isNotFound } from "../errors";
import {
  MAX_SPEND_IDS,
  type GroupAISpend,
  type GroupMemberAISpend,
  type UpsertUserAIBudgetOverrideRequest,
  type UserAIBudgetOverride,
} from "../types";

/**
 * Marks every cached spend answer stale: which budget governs whom, and at
 * what limit, only the server can work out again after a budget or override
 * changes. `refetch` also asks again for what is on screen now.
 */
export function markSpendStale(queryClient: QueryClient, { refetch }: { refetch: boolean }): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => query.queryKey.includes("aiSpend"),
    refetchType: refetch ? "active" : "none",
  });
}

/** How many spend requests for one list may be in flight at once. */
export const SPEND_REQUEST_CONCURRENCY = 4;

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Runs `work` on every batch, at most `limit` at a time, answers in batch order. */
export async function inBatches<T, R>(batches: T[], limit: number, work: (batch: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(batches.length);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const index = next++;
      results[index] = await work(batches[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, batches.length) }, worker));
  return results;
}

export interface MembersSpend {
  period_start: string;
  period_end: string;
  byUser: Map<string, GroupMemberAISpend>;
}

/**
 * A 32-bit FNV-1a hash of every id, in order: a key that tells any two lists
 * apart in practice, without putting 10,000 ids in it.
 */
export function idsFingerprint(ids: string[]): string {
  let hash = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) {
      hash ^= id.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash = Math.imul(hash ^ 0x2c, 0x01000193) >>> 0;
  }
  return hash.toString(16);
}

export const groupMembersAISpendKey = (groupId: string) => ["groups", groupId, "members", "aiSpend"] as const;

/** Spend of every listed member, fetched in batches of 100 ids, merged. */
export const groupMembersAISpend = (groupId: string, userIds: string[]) => ({
  queryKey: [...groupMembersAISpendKey(groupId), userIds.length, idsFingerprint(userIds)] as const,
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<MembersSpend> => {
    const answers = await inBatches(chunk(userIds, MAX_SPEND_IDS), SPEND_REQUEST_CONCURRENCY, (ids) =>
      API.getGroupMembersAISpend(groupId, ids, signal),
    );
    const byUser = new Map<string, GroupMemberAISpend>();
    for (const answer of answers) for (const member of answer.members) byUser.set(member.user_id, member);
    const first = answers[0];
    return { period_start: first?.period_start ?? "", period_end: first?.period_end ?? "", byUser };
  },
});

export interface GroupsSpend {
  period_start: string;
  period_end: string;
  byGroup: Map<string, GroupAISpend>;
}

export const groupsAISpend = (organization: string, groupIds: string[]) => ({
  queryKey: ["organizations", organization, "groups", "aiSpend", groupIds.join(",")] as const,
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<GroupsSpend> => {
    const answers = await inBatches(chunk(groupIds, MAX_SPEND_IDS), SPEND_REQUEST_CONCURRENCY, (ids) =>
      API.getGroupsAISpend(organization, ids, signal),
    );
    const byGroup = new Map<string, GroupAISpend>();
    for (const answer of answers) for (const group of answer.groups) byGroup.set(group.group_id, group);
    return { period_start: answers[0]?.period_start ?? "", period_end: answers[0]?.period_end ?? "", byGroup };
  },
});

export const userAIBudgetOverrideKey = (user: string) => ["users", user, "aiBudgetOverride"] as const;

/** The user's override, or null when none is set. */
export const userAIBudgetOverride = (user: string) => ({
  queryKey: userAIBudgetOverrideKey(user),
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<UserAIBudgetOverride | null> => {
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
  onSuccess: async (saved: UserAIBudgetOverride | null) => {
    queryClient.setQueryData(userAIBudgetOverrideKey(user), saved);
    // The members tab stays on screen behind the dialog: show the new limit.
    await markSpendStale(queryClient, { refetch: true });
  },
});
