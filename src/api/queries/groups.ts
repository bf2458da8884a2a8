import type { QueryClient } from "@tanstack/react-query";
import { API } from "../api";
import { isAxiosError } from "axios";
import { isNotFound, isRouteNotFound } from "../errors";
import { applySavedBudget } from "./aiSpend";
import type { BudgetConflictResponse, Group, GroupAIBudget, PatchGroupRequest } from "../types";

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

/** A group by id: to name the group that governs the signed-in user's spend. */
export const groupById = (groupId: string) => ({
  queryKey: ["groups", groupId] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => API.getGroupById(groupId, signal),
});

/** A budget as loaded, with the ETag its writes are made conditional on (null: the server sends none). */
export type LoadedBudget = GroupAIBudget & { etag: string | null };

/** The group's budget, or null when none is set (Coder answers 404 with "Resource not found…"). */
export const groupAIBudget = (groupId: string) => ({
  queryKey: groupAIBudgetKey(groupId),
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<LoadedBudget | null> => {
    try {
      const { budget, etag } = await API.getGroupAIBudget(groupId, signal);
      return { ...budget, etag };
    } catch (error) {
      // "Route not found." is a deployment without AI budgets (see useAIFeatureVisible), not "no budget".
      if (isNotFound(error) && !isRouteNotFound(error)) {
        return null;
      }
      throw error;
    }
  },
});

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

/** Someone else changed the budget after it was loaded; `current` is what is stored now. */
export class BudgetConflictError extends Error {
  constructor(readonly current: LoadedBudget | null) {
    super("The AI budget was changed by someone else.");
    this.name = "BudgetConflictError";
  }
}

export interface SavedBudgetTarget {
  groupId: string;
  /** The group as known when the save lands: its organization, and its members for the group-wide maximum. */
  group: () => Pick<Group, "organization_id" | "total_member_count">;
}

/**
 * Sets the budget to `micros`, or removes it (uncapped) when given null.
 * `expected()` is the budget the admin's form started from: the write is
 * refused with a BudgetConflictError if that is no longer what is stored.
 * Servers that send ETags check this in the same request. Coder sends none and
 * ignores preconditions: there the write goes out as it is, with no read
 * before it, which would cost a round trip and still leave a window.
 */
export const saveGroupAIBudget = (
  queryClient: QueryClient,
  target: SavedBudgetTarget,
  expected: () => LoadedBudget | null | undefined = () => undefined,
) => ({
  mutationFn: async (spendLimitMicros: number | null): Promise<LoadedBudget | null> => {
    const seen = expected();
    // null: the admin saw no budget (If-None-Match: *); a budget without an ETag names no version.
    const precondition = seen === undefined ? undefined : seen === null ? null : (seen.etag ?? undefined);
    try {
      if (spendLimitMicros === null) {
        await API.deleteGroupAIBudget(target.groupId, precondition);
        return null;
      }
      const { budget, etag } = await API.upsertGroupAIBudget(
        target.groupId,
        { spend_limit_micros: spendLimitMicros },
        precondition,
      );
      return { ...budget, etag };
    } catch (error) {
      if (isAxiosError(error) && error.response?.status === 412) {
        const body = error.response.data as BudgetConflictResponse;
        const etag = error.response.headers["etag"];
        throw new BudgetConflictError(body.current ? { ...body.current, etag: typeof etag === "string" ? etag : null } : null);
      }
      throw error;
    }
  },
  onSuccess: (saved: LoadedBudget | null) => {
    const before = queryClient.getQueryData<LoadedBudget | null>(groupAIBudgetKey(target.groupId));
    queryClient.setQueryData(groupAIBudgetKey(target.groupId), saved);
    // Not awaited: the save is done; only members whose limit the browser
    // cannot work out are read again, and they show as updating meanwhile.
    void applySavedBudget(queryClient, {
      groupId: target.groupId,
      organizationId: target.group().organization_id,
      before: before?.spend_limit_micros ?? null,
      after: saved?.spend_limit_micros ?? null,
      memberCount: target.group().total_member_count,
    });
  },
});
