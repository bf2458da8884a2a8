// Which page of a group's members is on screen (page and search live in the
// URL, as on Coder's members tab), that page from the server, and the next
// one fetched ahead so paging on is instant.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useSearchParams } from "react-router";
import { groupMembersAISpend } from "../../../api/queries/aiSpend";
import { membersPageFromGroup } from "../../../api/queries/cache";
import { seedMembersSpend } from "../../../api/queries/spendCache";
import { queryKeys } from "../../../api/queries/keys";
import type { Group } from "../../../../core/types";
import { groupMembersPage } from "../../../api/queries/groups";
import { MEMBERS_PAGE_SIZE } from "../../../api/queries/spendBatches";

/** The page (from 1) and search in the URL; anything that is not a page number is the first page. */
export function useMembersLocation() {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get("page"));
  const page = Number.isInteger(asked) && asked >= 1 ? asked : 1;
  const search = params.get("search") ?? "";
  const go = (next: { page?: number; search?: string }) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        const [nextPage, nextSearch] = [next.page ?? 1, next.search ?? search];
        if (nextPage > 1) updated.set("page", String(nextPage));
        else updated.delete("page");
        if (nextSearch) updated.set("search", nextSearch);
        else updated.delete("search");
        return updated;
      },
      { replace: next.search !== undefined },
    );
  return { page, search, go };
}

/** The members on page `page` matching `search`, and the next page read ahead (with its spend). */
export function useMembersPage(group: Group | undefined, search: string, page: number, withSpend: boolean) {
  const queryClient = useQueryClient();
  const groupId = group?.id;
  const query = useQuery({
    ...groupMembersPage(groupId ?? "", search, page - 1),
    // A page of the group as loaded, when it lists everyone: no read of its own.
    initialData: () => (group && search === "" ? membersPageFromGroup(group, page - 1) : undefined),
    initialDataUpdatedAt: () =>
      group ? queryClient.getQueryState(queryKeys.group(group.id))?.dataUpdatedAt : undefined,
    enabled: groupId !== undefined,
    // The rows stay while the next page loads: nothing jumps.
    placeholderData: keepPreviousData,
  });
  const count = query.data?.count;
  const pages = count === undefined ? 1 : Math.max(1, Math.ceil(count / MEMBERS_PAGE_SIZE));
  useEffect(() => {
    if (!groupId || count === undefined || page >= pages) return;
    const options = groupMembersPage(groupId, search, page);
    const fromGroup = group && search === "" ? membersPageFromGroup(group, page) : undefined;
    if (fromGroup && queryClient.getQueryData(options.queryKey) === undefined) {
      queryClient.setQueryData(options.queryKey, fromGroup);
    }
    void queryClient.fetchQuery(options).then((next) => {
      if (!withSpend || next.users.length === 0) return;
      const ids = next.users.map((u) => u.id);
      const spend = groupMembersAISpend(groupId, ids);
      // The settings page may have read every member's spend already.
      seedMembersSpend(queryClient, spend.queryKey, groupId, ids);
      void queryClient.prefetchQuery(spend);
    });
  }, [queryClient, group, groupId, search, page, pages, count, withSpend]);
  return { query, pages, count };
}
