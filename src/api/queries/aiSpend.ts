import type { QueryClient } from "@tanstack/react-query";
import { API } from "../api";
import { isNotFound } from "../errors";
import { memberAfterBudgetChange, totalLimitFromRows, type BudgetChange } from "../../domain/afterBudgetChange";
import { overBudgetCount } from "../../domain/budgetRules";
import {
  MAX_SPEND_IDS,
  type GroupAISpend,
  type GroupMemberAISpend,
  type UpsertUserAIBudgetOverrideRequest,
  type UserAIBudgetOverride,
} from "../types";

/**
 * After a member's override changed (it decides their limit in every group
 * they are in): every cached spend answer is marked stale, and what is on
 * screen now is read again.
 */
export function markSpendStale(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => query.queryKey.includes("aiSpend") });
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
  /** Members whose effective budget a save changed in a way only the server can work out; being read again. */
  updating?: ReadonlySet<string>;
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

/**
 * The spend of exactly `userIds`, cut from a cached answer for the same group
 * that lists them all (the settings page reads every member; the members tab a
 * page of them), with that answer's age; undefined when none does.
 */
export function membersSpendFromCache(
  queryClient: QueryClient,
  groupId: string,
  userIds: string[],
): { data: MembersSpend; updatedAt: number } | undefined {
  let best: { data: MembersSpend; updatedAt: number } | undefined;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: groupMembersAISpendKey(groupId) })) {
    const data = query.state.data as MembersSpend | undefined;
    if (!data || query.state.isInvalidated || !userIds.every((id) => data.byUser.has(id))) continue;
    if (best && best.updatedAt >= query.state.dataUpdatedAt) continue;
    const byUser = new Map(userIds.map((id) => [id, data.byUser.get(id)!]));
    const updating = data.updating && new Set(userIds.filter((id) => data.updating!.has(id)));
    best = { data: { ...data, byUser, updating }, updatedAt: query.state.dataUpdatedAt };
  }
  return best;
}

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
    await markSpendStale(queryClient);
  },
});

const isGroupsSpend = (data: unknown): data is GroupsSpend => typeof data === "object" && data !== null && "byGroup" in data;

/**
 * After a group's budget was saved, the spend answers in the cache show it at
 * once. Members' effective budgets are worked out here wherever that is certain;
 * the members for whom it is not are read again (only they, in the
 * background, marked as updating meanwhile). Every other spend answer (other
 * groups' members may be in this group too) is marked stale, to be read again
 * when next shown. Answers keep their age: a stale one is still read again.
 */
export async function applySavedBudget(
  queryClient: QueryClient,
  change: BudgetChange & { memberCount: number },
): Promise<void> {
  const membersKey = groupMembersAISpendKey(change.groupId);
  // A read that left before the save could answer with the old limits.
  await queryClient.cancelQueries({ queryKey: membersKey });
  const handled = new Set<string>();
  const unresolved = new Set<string>();
  // The group's total limit, when one cached answer lists every member and settles them all.
  let total: bigint | null | undefined;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: membersKey })) {
    const data = query.state.data as MembersSpend | undefined;
    if (!data) {
      // A first read that was cancelled above: nothing to correct, so read it again.
      void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
      handled.add(query.queryHash);
      continue;
    }
    const byUser = new Map<string, GroupMemberAISpend>();
    const updating = new Set(data.updating);
    for (const [id, member] of data.byUser) {
      const after = memberAfterBudgetChange(member, change);
      byUser.set(id, after ?? member);
      if (!after) {
        updating.add(id);
        unresolved.add(id);
      }
    }
    if (byUser.size === change.memberCount && updating.size === 0) total = totalLimitFromRows(byUser.values(), change.groupId, change.after);
    queryClient.setQueryData<MembersSpend>(query.queryKey, { ...data, byUser, updating }, { updatedAt: query.state.dataUpdatedAt });
    handled.add(query.queryHash);
  }
  for (const query of queryClient.getQueryCache().findAll({ predicate: (q) => q.queryKey.includes("aiSpend") })) {
    const data = query.state.data;
    // Without every member's row, the total is the server's to work out: read it when next shown.
    if (total === undefined || !isGroupsSpend(data) || !data.byGroup.has(change.groupId)) continue;
    const byGroup = new Map(data.byGroup);
    byGroup.set(change.groupId, {
      ...data.byGroup.get(change.groupId)!,
      spend_limit_micros: change.after,
      total_spend_limit_micros: total === null ? null : Number(total),
    });
    queryClient.setQueryData<GroupsSpend>(query.queryKey, { ...data, byGroup }, { updatedAt: query.state.dataUpdatedAt });
    handled.add(query.queryHash);
  }
  await queryClient.invalidateQueries({
    predicate: (query) => query.queryKey.includes("aiSpend") && !handled.has(query.queryHash),
    refetchType: "none",
  });
  if (unresolved.size > 0) await rereadMembers(queryClient, change.groupId, [...unresolved]);
}

/** Reads the given members' spend again and puts it into every cached answer that lists them. */
async function rereadMembers(queryClient: QueryClient, groupId: string, userIds: string[]): Promise<void> {
  const membersKey = groupMembersAISpendKey(groupId);
  try {
    const answers = await inBatches(chunk(userIds, MAX_SPEND_IDS), SPEND_REQUEST_CONCURRENCY, (ids) =>
      API.getGroupMembersAISpend(groupId, ids),
    );
    const fresh = new Map(answers.flatMap((answer) => answer.members.map((m) => [m.user_id, m] as const)));
    for (const query of queryClient.getQueryCache().findAll({ queryKey: membersKey })) {
      queryClient.setQueryData<MembersSpend>(
        query.queryKey,
        (data) => {
          if (!data?.updating) return data;
          const byUser = new Map(data.byUser);
          const updating = new Set(data.updating);
          for (const id of userIds) {
            const member = fresh.get(id);
            if (member && byUser.has(id)) byUser.set(id, member);
            // One no longer in the group drops out of the answer, as a new read would have it.
            else if (byUser.has(id)) byUser.delete(id);
            updating.delete(id);
          }
          return { ...data, byUser, updating };
        },
        { updatedAt: query.state.dataUpdatedAt },
      );
    }
  } catch {
    // Whatever failed, the answers must not keep the old limits: read them whole again.
    await queryClient.invalidateQueries({ queryKey: membersKey });
  }
}

/** A user's own spend this period and the budget that governs it ("me" for the signed-in user). */
export const userAISpend = (user: string) => ({
  queryKey: ["users", user, "aiSpend"] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => API.getUserAISpend(user, signal),
});

/**
 * How many of a group's members are over their limit there, from every
 * member's row (in batches of 100, as the members tab reads them). Its own
 * key: the members tab and the settings page keep theirs.
 */
export const groupOverBudgetCount = (groupId: string, userIds: string[]) => ({
  queryKey: ["groups", groupId, "overBudget", "aiSpend", userIds.length, idsFingerprint(userIds)] as const,
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<number> => {
    const answers = await inBatches(chunk(userIds, MAX_SPEND_IDS), SPEND_REQUEST_CONCURRENCY, (ids) =>
      API.getGroupMembersAISpend(groupId, ids, signal),
    );
    return overBudgetCount(groupId, answers.flatMap((answer) => answer.members));
  },
});
