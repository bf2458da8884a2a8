// Query options and mutations for groups and their budgets. A group is cached
// under its id; a name (what URLs carry) resolves to that id once.
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { AxiosError, AxiosHeaders, isAxiosError } from "axios";
import { API } from "../api";
import { isNotFound, isRouteNotFound } from "../errors";
import { parseMembersFilter } from "../../../core/domain/groupMembersQuery";
import type {
  ApiResponse,
  BudgetConflictResponse,
  Group,
  GroupMembersResponse,
  PatchGroupRequest,
} from "../../../core/types";
import { groupFromList, groupLoaded, groupMembershipChanged, groupSaved, pageOfGroup } from "./cache";
import { budgetSaved } from "./spendCache";
import { MEMBERS_PAGE_SIZE } from "./spendBatches";
import type { LoadedBudget } from "./cachedData";
import { queryKeys } from "./keys";

export type { LoadedBudget } from "./cachedData";

export const groups = (organization: string) =>
  queryOptions({
    queryKey: queryKeys.groups(organization),
    queryFn: ({ signal }) => API.getGroupsByOrganization(organization, signal),
  });

/**
 * The id of the group named `groupName`: Coder's group-by-name request, whose
 * answer is cached under the group's id as well (see useGroup).
 */
export const groupIdByName = (organization: string, groupName: string) =>
  queryOptions({
    queryKey: queryKeys.groupIdByName(organization, groupName),
    queryFn: async ({ signal, client }): Promise<string> => {
      const loaded = await API.getGroup(organization, groupName, signal);
      groupLoaded(client, organization, loaded);
      return loaded.id;
    },
  });

/** A group by id. */
export const groupById = (groupId: string) =>
  queryOptions({
    queryKey: queryKeys.group(groupId),
    queryFn: ({ signal }) => API.getGroupById(groupId, signal),
  });

/**
 * Starts loading the group under its name, taken from the organization's list
 * when that is already loaded (the list answers whole groups), else fetched;
 * the group, or undefined when it cannot be had.
 */
export function prefetchGroup(
  queryClient: QueryClient,
  organization: string,
  groupName: string,
): Promise<Group | undefined> {
  groupFromList(queryClient, organization, groupName);
  return (async () => {
    const id = await queryClient.ensureQueryData(groupIdByName(organization, groupName));
    return queryClient.ensureQueryData(groupById(id));
  })().catch(() => undefined);
}
/** Page `page` (from 0) of the group's members matching `search` (Coder's users filter), with the count. */
export const groupMembersPage = (groupId: string, search: string, page: number) =>
  queryOptions({
    queryKey: queryKeys.groupMembersPage(groupId, search, page),
    queryFn: async ({ signal, client }): Promise<GroupMembersResponse> => {
      if (client.getQueryData(queryKeys.pagedMembersMissing) !== true) {
        try {
          const query = { q: search, limit: MEMBERS_PAGE_SIZE, offset: page * MEMBERS_PAGE_SIZE };
          return await API.getGroupMembers(groupId, query, signal);
        } catch (error) {
          if (!isRouteNotFound(error)) throw error;
          // A deployment without the paged route: page the group's own list, as Coder's SQL would.
          client.setQueryData(queryKeys.pagedMembersMissing, true);
        }
      }
      const filter = parseMembersFilter(search);
      if (!filter.ok) throw badRequest(filter.body);
      return pageOfGroup(await client.ensureQueryData(groupById(groupId)), filter.value, page);
    },
  });

/** The 400 the paged route answers to a bad search, for a page worked out here instead. */
const badRequest = (body: ApiResponse) =>
  new AxiosError(body.message, AxiosError.ERR_BAD_REQUEST, undefined, undefined, {
    status: 400,
    statusText: "Bad Request",
    data: body,
    headers: {},
    config: { headers: new AxiosHeaders() },
  });

/** Adds and removes members in one PATCH, as Coder's group page does. */
export const changeGroupMembers = (queryClient: QueryClient, organization: string) => ({
  mutationFn: ({ groupId, add = [], remove = [] }: { groupId: string; add?: string[]; remove?: string[] }) =>
    API.patchGroup(groupId, { add_users: add, remove_users: remove }),
  onSuccess: (updated: Group) => groupMembershipChanged(queryClient, organization, updated),
});

/** The group's budget, or null when none is set (Coder answers 404 with "Resource not found…"). */
export const groupAIBudget = (groupId: string) =>
  queryOptions({
    queryKey: queryKeys.groupAIBudget(groupId),
    queryFn: async ({ signal }): Promise<LoadedBudget | null> => {
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
  mutationFn: ({ groupId, ...request }: PatchGroupVariables) => API.patchGroup(groupId, request),
  onSuccess: (updated: Group) => groupSaved(queryClient, organization, updated),
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
        const etag = error.response.headers.etag;
        throw new BudgetConflictError(
          body.current ? { ...body.current, etag: typeof etag === "string" ? etag : null } : null,
        );
      }
      throw error;
    }
  },
  onSuccess: (saved: LoadedBudget | null) =>
    budgetSaved(
      queryClient,
      {
        groupId: target.groupId,
        organizationId: target.group().organization_id,
        memberCount: target.group().total_member_count,
      },
      saved,
    ),
});
