// The organizations the viewer may read, and creating and deleting groups in them.
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { API } from "../api";
import type { CreateGroupRequest, Group } from "../../../core/types";
import { groupCreated } from "./cache";
import { queryKeys } from "./keys";

export const organizations = () =>
  queryOptions({
    queryKey: queryKeys.organizationList,
    queryFn: ({ signal }) => API.getOrganizations(signal),
    // Organizations change rarely; the switcher need not ask on every page.
    staleTime: 5 * 60_000,
  });

export const createGroup = (queryClient: QueryClient, organization: string) => ({
  mutationFn: (request: CreateGroupRequest) => API.createGroup(organization, request),
  onSuccess: (created: Group) => groupCreated(queryClient, organization, created),
});

/** Deleting a group; the caller leaves its pages first, then calls `groupDeleted` (cache.ts). */
export const deleteGroup = () => ({
  mutationFn: (group: Pick<Group, "id" | "name">) => API.deleteGroup(group.id),
});
