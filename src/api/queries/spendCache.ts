// Every change the app makes by hand to cached budgets and spend, named for what
// happened: a budget or an override was saved, members' spend arrived. Where a
// row cannot be worked out here (Coder's rules in core/domain/), it is read again.
import { hashKey, type QueryClient } from "@tanstack/react-query";
import { memberAfterBudgetChange, totalLimitFromRows, type BudgetChange } from "../../../core/domain/afterBudgetChange";
import type { GroupAISpendResponse, GroupMemberAISpend, UserAIBudgetOverride } from "../../../core/types";
import type { GroupsSpend, LoadedBudget, MembersSpend } from "./cachedData";
import { queryKeys } from "./keys";
import { fetchMembersSpendRows } from "./spendBatches";

/** The members' spend a save of the budget changes. */
export interface SavedBudget {
  groupId: string;
  organizationId: string;
  memberCount: number;
}

/**
 * A budget write landed: the budget is cached as saved, and the spend answers
 * follow it (applySavedBudget). Not awaited: the save is done; only members
 * whose limit the browser cannot work out are read again, and they show as
 * updating meanwhile.
 */
export function budgetSaved(queryClient: QueryClient, target: SavedBudget, saved: LoadedBudget | null): void {
  const before = queryClient.getQueryData<LoadedBudget | null>(queryKeys.groupAIBudget(target.groupId));
  queryClient.setQueryData<LoadedBudget | null>(queryKeys.groupAIBudget(target.groupId), saved);
  void applySavedBudget(queryClient, {
    groupId: target.groupId,
    organizationId: target.organizationId,
    before: before?.spend_limit_micros ?? null,
    after: saved?.spend_limit_micros ?? null,
    memberCount: target.memberCount,
  });
}

/**
 * A member's override changed (it decides their limit in every group they
 * are in): it is cached as saved, every spend answer is marked stale, and what
 * is on screen now is read again.
 */
export async function overrideSaved(
  queryClient: QueryClient,
  user: string,
  saved: UserAIBudgetOverride | null,
): Promise<void> {
  queryClient.setQueryData<UserAIBudgetOverride | null>(queryKeys.userAIBudgetOverride(user), saved);
  await queryClient.invalidateQueries({ queryKey: queryKeys.aiSpend });
}

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
  for (const [key, data] of queryClient.getQueriesData<MembersSpend>({
    queryKey: queryKeys.groupMembersAISpend(groupId),
  })) {
    const state = queryClient.getQueryState(key);
    if (!data || !state || state.isInvalidated || !userIds.every((id) => data.byUser.has(id))) continue;
    if (best && best.updatedAt >= state.dataUpdatedAt) continue;
    const byUser = new Map(userIds.map((id) => [id, data.byUser.get(id)!]));
    const updating = data.updating && new Set(userIds.filter((id) => data.updating!.has(id)));
    best = { data: { ...data, byUser, updating }, updatedAt: state.dataUpdatedAt };
  }
  return best;
}

/** Seeds the answer under `queryKey` (members' spend) from a cached one that lists them all. */
export function seedMembersSpend(
  queryClient: QueryClient,
  queryKey: readonly unknown[],
  groupId: string,
  userIds: string[],
): void {
  if (queryClient.getQueryData(queryKey) !== undefined) return;
  const cached = membersSpendFromCache(queryClient, groupId, userIds);
  if (cached) queryClient.setQueryData<MembersSpend>(queryKey, cached.data, { updatedAt: cached.updatedAt });
}

/** An answer's age, kept when it is patched: a stale one is still read again. */
const updatedAt = (queryClient: QueryClient, key: readonly unknown[]) => queryClient.getQueryState(key)?.dataUpdatedAt;

const isGroupsSpend = (data: unknown): data is GroupsSpend =>
  typeof data === "object" && data !== null && "byGroup" in data;

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
  const membersKey = queryKeys.groupMembersAISpend(change.groupId);
  // A read that left before the save could answer with the old limits.
  await queryClient.cancelQueries({ queryKey: membersKey });
  const handled = new Set<string>();
  const unresolved = new Set<string>();
  // The group's total limit, when one cached answer lists every member and settles them all.
  let total: bigint | null | undefined;
  for (const [key, data] of queryClient.getQueriesData<MembersSpend>({ queryKey: membersKey })) {
    if (!data) {
      // A first read that was cancelled above: nothing to correct, so read it again.
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
      handled.add(hashKey(key));
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
    if (byUser.size === change.memberCount && updating.size === 0)
      total = totalLimitFromRows(byUser.values(), change.groupId, change.after);
    queryClient.setQueryData<MembersSpend>(
      key,
      { ...data, byUser, updating },
      { updatedAt: updatedAt(queryClient, key) },
    );
    handled.add(hashKey(key));
  }
  for (const [key, data] of queryClient.getQueriesData<unknown>({ queryKey: queryKeys.aiSpend })) {
    // Without every member's row, the total is the server's to work out: read it when next shown.
    if (total === undefined || !isGroupsSpend(data) || !data.byGroup.has(change.groupId)) continue;
    const byGroup = new Map(data.byGroup);
    byGroup.set(change.groupId, {
      ...data.byGroup.get(change.groupId)!,
      spend_limit_micros: change.after,
      total_spend_limit_micros: total === null ? null : Number(total),
    });
    queryClient.setQueryData<GroupsSpend>(key, { ...data, byGroup }, { updatedAt: updatedAt(queryClient, key) });
    handled.add(hashKey(key));
  }
  // The group header's own row of the group (core/coderFeatures.ts decides which endpoint read it).
  for (const [key, data] of queryClient.getQueriesData<GroupAISpendResponse | null>({
    queryKey: queryKeys.groupAISpend(change.groupId),
  })) {
    if (total === undefined || !data) continue;
    const row = {
      ...data,
      spend_limit_micros: change.after,
      total_spend_limit_micros: total === null ? null : Number(total),
    };
    queryClient.setQueryData(key, row, { updatedAt: updatedAt(queryClient, key) });
    handled.add(hashKey(key));
  }
  await queryClient.invalidateQueries({
    queryKey: queryKeys.aiSpend,
    predicate: (query) => !handled.has(query.queryHash),
    refetchType: "none",
  });
  if (unresolved.size > 0) await rereadMembers(queryClient, change.groupId, [...unresolved]);
}

/** Reads the given members' spend again and puts it into every cached answer that lists them. */
async function rereadMembers(queryClient: QueryClient, groupId: string, userIds: string[]): Promise<void> {
  const membersKey = queryKeys.groupMembersAISpend(groupId);
  try {
    const { members } = await fetchMembersSpendRows(groupId, userIds);
    const fresh = new Map(members.map((m) => [m.user_id, m] as const));
    for (const [key] of queryClient.getQueriesData<MembersSpend>({ queryKey: membersKey })) {
      queryClient.setQueryData<MembersSpend>(
        key,
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
        { updatedAt: updatedAt(queryClient, key) },
      );
    }
  } catch {
    // Whatever failed, the answers must not keep the old limits: read them whole again.
    await queryClient.invalidateQueries({ queryKey: membersKey });
  }
}
