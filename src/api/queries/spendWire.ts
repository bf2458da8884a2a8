// Query options for Coder's later spend endpoints, chosen by what the
// deployment's version has (core/coderFeatures.ts): one group's spend, a
// user's spend per organization, and the per-user report.
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { coderSpendFeatures } from "../../../core/coderFeatures";
import type { CoderSpendFeatures } from "../../../core/coderFeatures";
import type { GroupAISpendResponse } from "../../../core/types";
import { API } from "../api";
import { buildInfo } from "./deployment";
import { queryKeys } from "./keys";

/**
 * One group's spend row: Coder v2.40's `GET /groups/{g}/ai/spend`, or on an
 * older deployment the organization's groups' spend asked for this one group.
 */
export const groupAISpend = (organization: string, groupId: string, features: Pick<CoderSpendFeatures, "groupSpend">) =>
  queryOptions({
    queryKey: [...queryKeys.groupAISpend(groupId), features.groupSpend ? "group" : "organization"] as const,
    queryFn: async ({ signal }): Promise<GroupAISpendResponse | null> => {
      if (features.groupSpend) return API.getGroupAISpend(groupId, signal);
      const { groups, ...period } = await API.getGroupsAISpend(organization, [groupId], signal);
      const row = groups.find((g) => g.group_id === groupId);
      return row ? { ...period, ...row } : null;
    },
  });

export const userOrganizationsAISpend = (user: string) =>
  queryOptions({
    queryKey: queryKeys.userOrganizationsAISpend(user),
    queryFn: ({ signal }) => API.getUserOrganizationsAISpend(user, signal),
  });

export interface SpendUsersQuery {
  start: string;
  end: string;
  provider_name?: string;
  model?: string;
  client?: string;
  limit: number;
  offset: number;
}

export const aiSpendUsers = (organization: string, query: SpendUsersQuery) =>
  queryOptions({
    queryKey: queryKeys.aiSpendUsers(organization, query),
    queryFn: ({ signal }) => API.getAISpendUsers(organization, query, signal),
    retry: false,
  });

/** The group header's spend, prefetched by the group's pages' loaders through the endpoint the deployment's version has. */
export function prefetchGroupHeaderSpend(queryClient: QueryClient, organization: string, groupId: string): void {
  const version = queryClient.getQueryData(buildInfo().queryKey)?.version;
  void queryClient
    .prefetchQuery(groupAISpend(organization, groupId, coderSpendFeatures(version)))
    .catch(() => undefined);
}
