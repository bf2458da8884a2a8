// Every change the app makes by hand to the cached groups, named for what
// happened: a group loaded, saved, created, deleted, its members changed, an AI
// route found missing. Changes to cached budgets and spend are in spendCache.ts.
// Call sites use these two modules; nothing else writes the cache or matches keys.
// The keys are in keys.ts; each read here names the type its entry holds (no casts).
import type { QueryClient } from "@tanstack/react-query";
import type { Group, GroupMembersResponse } from "../../../core/types";
import { type MembersFilter, pageOfMembers } from "../../../core/domain/groupMembersQuery";
import { queryKeys } from "./keys";
import { MEMBERS_PAGE_SIZE } from "./spendBatches";

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
  return pageOfGroup(group, { search: "", statuses: [] }, page);
}

/** Page `page` of the group's own members matching `filter`, as the paged route would answer it. */
export function pageOfGroup(group: Group, filter: MembersFilter, page: number): GroupMembersResponse {
  const members = group.members.map((m) => ({ ...m, last_seen_at: m.last_seen_at ?? "" }));
  return pageOfMembers(members, { ...filter, limit: MEMBERS_PAGE_SIZE, offset: page * MEMBERS_PAGE_SIZE });
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
