import type { QueryClient } from "@tanstack/react-query";
import { API } from "../api";
import { isNotFound } from "../errors";
import type { Group, GroupAIBudget, PatchGroupRequest } from "../types";

export const groupsKey = (organization: string) =>
  ["organizations", organization, "groups"] as const;

export const groupKey = (organization: string, groupName: string) =>
  [...groupsKey(organization), groupName] as const;

export const groupAIBudgetKey = (groupId: string) =>
  ["groups", groupId, "aiBudget"] as const;

export const groups = (organization: string) => ({
  queryKey: groupsKey(organization),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    API.getGroupsByOrganization(organization, signal),
});

export const group = (organization: string, groupName: string) => ({
  queryKey: groupKey(organization, groupName),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    API.getGroup(organization, groupName, signal),
});

/** The group's budget, or null when none is set (Coder answers 404). */
export const groupAIBudget = (groupId: string) => ({
  queryKey: groupAIBudgetKey(groupId),
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<GroupAIBudget | null> => {
    try {
      return await API.getGroupAIBudget(groupId, signal);
    } catch (error) {
      if (isNotFound(error)) {
        return null;
      }
      throw error;
    }
  },
});

/** The id of a group already in the cache under its name or in its organization's list. */
export function cachedGroupId(
  queryClient: QueryClient,
  organization: string,
  groupName: string,
): string | undefined {
  const byName = queryClient.getQueryData<Group>(groupKey(organization, groupName));
  if (byName) {
    return byName.id;
  }
  return queryClient
    .getQueryData<Group[]>(groupsKey(organization))
    ?.find((g) => g.name === groupName)?.id;
}

export interface PatchGroupVariables extends PatchGroupRequest {
  groupId: string;
}

export const patchGroup = (queryClient: QueryClient, organization: string) => ({
  mutationFn: ({ groupId, ...request }: PatchGroupVariables) =>
    API.patchGroup(groupId, request),
  onSuccess: async (updated: Group, { groupId }: PatchGroupVariables) => {
    // The answer is the group as saved: write it under its (maybe new) name so
    // the page the admin lands on needs no refetch. An old name is only marked
    // stale, not removed: the page still on it must not refetch and remount.
    const previousNames = queryClient
      .getQueriesData<Group>({ queryKey: groupsKey(organization) })
      .filter(([, data]) => !Array.isArray(data) && data?.id === groupId && data.name !== updated.name)
      .map(([key]) => key);
    for (const key of previousNames) {
      void queryClient.invalidateQueries({ queryKey: key, exact: true, refetchType: "none" });
    }
    queryClient.setQueryData(groupKey(organization, updated.name), updated);
    queryClient.setQueryData<Group[]>(groupsKey(organization), (list) =>
      list?.map((g) => (g.id === updated.id ? updated : g)),
    );
  },
});

/** Sets the budget to `micros`, or removes it (uncapped) when given null. */
export const saveGroupAIBudget = (queryClient: QueryClient, groupId: string) => ({
  mutationFn: async (spendLimitMicros: number | null): Promise<GroupAIBudget | null> => {
    if (spendLimitMicros === null) {
      await API.deleteGroupAIBudget(groupId);
      return null;
    }
    return API.upsertGroupAIBudget(groupId, { spend_limit_micros: spendLimitMicros });
  },
  onSuccess: (saved: GroupAIBudget | null) => {
    queryClient.setQueryData(groupAIBudgetKey(groupId), saved);
  },
});
