// Every change the app makes to the query cache by hand, named for what
// happened: a save landed, a list arrived, a route is missing. Call sites use
// these; nothing else writes the cache or matches keys. The keys are in
// keys.ts; each read here names the type its entry holds (no casts), and
// callers elsewhere read through query options, whose keys carry it. One module on purpose (a little over ~200 lines):
// a newcomer finds every cache update in one place.
import { hashKey, type QueryClient } from "@tanstack/react-query";
import { memberAfterBudgetChange, totalLimitFromRows, type BudgetChange } from "../../../core/domain/afterBudgetChange";
import type {
  Group,
  GroupAISpendResponse,
  GroupMemberAISpend,
  GroupMembersResponse,
  UserAIBudgetOverride,
} from "../../../core/types";
import { compareMembers } from "../../../core/domain/groupMembersQuery";
import type { GroupsSpend, LoadedBudget, MembersSpend } from "./cachedData";
import { queryKeys } from "./keys";
import { fetchMembersSpendRows, MEMBERS_PAGE_SIZE } from "./spendBatches";

/** A group as Coder answered it: under its id, and its name resolving to that id. */
export function groupLoaded(queryClient: QueryClient, organization: string, group: Group, updatedAt?: number): void {
  queryClient.setQueryData<Group>(queryKeys.group(group.id), group, { updatedAt });
  queryClient.setQueryData<string>(queryKeys.groupIdByName(organization, group.name), group.id, { updatedAt });
}

/**
 * The group named `groupName`, taken from the organization's list when that
 * is loaded (the list answers whole groups) and nothing newer is cached; its
 * id, or undefined when the list does not have it.
 */
export function groupFromList(queryClient: QueryClient, organization: string, groupName: string): string | undefined {
  const listed = queryClient.getQueryData<Group[]>(queryKeys.groups(organization))?.find((g) => g.name === groupName);
  if (!listed) return undefined;
  if (queryClient.getQueryData(queryKeys.groupIdByName(organization, groupName)) === undefined) {
    const listedAt = queryClient.getQueryState(queryKeys.groups(organization))?.dataUpdatedAt;
    if (queryClient.getQueryData(queryKeys.group(listed.id)) === undefined) {
      queryClient.setQueryData<Group>(queryKeys.group(listed.id), listed, { updatedAt: listedAt });
    }
    queryClient.setQueryData<string>(queryKeys.groupIdByName(organization, groupName), listed.id, {
      updatedAt: listedAt,
    });
  }
  return listed.id;
}

/**
 * A PATCH landed: the group as saved replaces the one under its id and in the
 * list, and its new name resolves to it, so the page the admin lands on needs
 * no read. The old name is only marked stale, not removed: the page still on
 * it must not refetch and remount.
 */
export function groupSaved(queryClient: QueryClient, organization: string, updated: Group): void {
  const before = queryClient.getQueryData<Group>(queryKeys.group(updated.id));
  if (before && before.name !== updated.name) {
    void queryClient.invalidateQueries({
      queryKey: queryKeys.groupIdByName(organization, before.name),
      exact: true,
      refetchType: "none",
    });
  }
  groupLoaded(queryClient, organization, updated);
  queryClient.setQueryData<Group[]>(queryKeys.groups(organization), (list) =>
    list?.map((g) => (g.id === updated.id ? updated : g)),
  );
}

/** An AI route answered "Route not found.": every page stops asking (useAIFeatureVisible). */
export function aiRoutesFoundMissing(queryClient: QueryClient): void {
  queryClient.setQueryData<boolean>(queryKeys.aiRoutesMissing, true);
}

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

/** A group was created: it joins its organization's list at once, and the list is asked again. */
export function groupCreated(queryClient: QueryClient, organization: string, created: Group): Promise<void> {
  queryClient.setQueryData<Group[]>(queryKeys.groups(organization), (list) =>
    list ? [...list, created].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : list,
  );
  return queryClient.invalidateQueries({ queryKey: queryKeys.groups(organization) });
}

/**
 * A group was deleted: it leaves the list and the cache; the members it
 * governed are governed elsewhere now and its spend is gone, so every spend
 * answer is stale.
 */
export async function groupDeleted(
  queryClient: QueryClient,
  organization: string,
  group: Pick<Group, "id" | "name">,
): Promise<void> {
  queryClient.setQueryData<Group[]>(queryKeys.groups(organization), (list) => list?.filter((g) => g.id !== group.id));
  queryClient.removeQueries({ queryKey: queryKeys.group(group.id) });
  queryClient.removeQueries({ queryKey: queryKeys.groupIdByName(organization, group.name), exact: true });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.groups(organization) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.aiSpend }),
  ]);
}

/**
 * Members joined or left a group: the group as answered, and everything their
 * membership decides read again (its member pages, every spend answer, since
 * who governs whom may have moved, and overrides, which go with a membership).
 */
export async function groupMembershipChanged(
  queryClient: QueryClient,
  organization: string,
  updated: Group,
): Promise<void> {
  groupSaved(queryClient, organization, updated);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: [...queryKeys.group(updated.id), "members"] }),
    queryClient.invalidateQueries({ queryKey: queryKeys.groups(organization) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.aiSpend }),
    queryClient.invalidateQueries({ queryKey: ["users"] }),
  ]);
}

/**
 * Page `page` (from 0, no search) of a group's members, from the group as
 * loaded, when it lists every member with when they were last seen (Coder's
 * group answer does): the members tab then needs no read of its own.
 */
export function membersPageFromGroup(group: Group, page: number): GroupMembersResponse | undefined {
  if (group.members.length !== group.total_member_count) return undefined;
  const sorted = group.members.map((m) => ({ ...m, last_seen_at: m.last_seen_at ?? "" })).sort(compareMembers);
  return { users: sorted.slice(page * MEMBERS_PAGE_SIZE, (page + 1) * MEMBERS_PAGE_SIZE), count: sorted.length };
}

/** Puts the first page of members (no search) into the cache from the loaded group; false where it cannot. */
export function seedFirstMembersPage(queryClient: QueryClient, group: Group): boolean {
  const key = queryKeys.groupMembersPage(group.id, "", 0);
  if (queryClient.getQueryData(key) !== undefined) return true;
  const page = membersPageFromGroup(group, 0);
  if (!page) return false;
  queryClient.setQueryData(key, page, {
    updatedAt: queryClient.getQueryState(queryKeys.group(group.id))?.dataUpdatedAt,
  });
  return true;
}
