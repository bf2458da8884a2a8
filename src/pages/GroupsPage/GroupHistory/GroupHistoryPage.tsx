import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { FC } from "react";
import { useParams } from "react-router";
import { isForbidden, isNotFound } from "../../../api/errors";
import { auditLogPages, auditReadChecks } from "../../../api/queries/audit";
import { checkAuthorization } from "../../../api/queries/authCheck";
import { useGroup } from "../../../hooks/useGroup";
import { auditQuery } from "../../../../core/domain/auditQuery";
import { concernsGroup, historyEntriesOf, mergeHistory } from "./historyEntries";
import { GroupHistoryView, type GroupHistoryState } from "./GroupHistoryView";
import { GroupSpendTrend } from "./GroupSpendTrend";

// Overrides are found by organization and kept when charged to this group,
// so their pages are larger than the group's own.
const PAGE = 25;
const OVERRIDE_PAGE = 100;

/** The group's History tab: its budget, the overrides charged to it and its members, from Coder's audit log. */
const GroupHistoryPage: FC = () => {
  const { organization = "", groupName = "" } = useParams();
  const group = useGroup(organization, groupName).data;
  const id = group?.id ?? "";
  const may = useQuery({ ...checkAuthorization(auditReadChecks(group?.organization_id ?? "")), enabled: !!group });
  const enabled = may.data?.canReadAuditLog === true;
  const searches = [
    useInfiniteQuery({
      ...auditLogPages(auditQuery({ resource_type: "group_ai_budget", resource_id: id }), PAGE),
      enabled,
    }),
    useInfiniteQuery({ ...auditLogPages(auditQuery({ resource_type: "group", resource_id: id }), PAGE), enabled }),
    useInfiniteQuery({
      ...auditLogPages(
        auditQuery({ resource_type: "user_ai_budget_override", organization: group?.organization_id }),
        OVERRIDE_PAGE,
      ),
      enabled,
    }),
  ];
  const failed = searches.find((search) => search.error)?.error ?? may.error;
  let state: GroupHistoryState;
  if (may.data && !enabled) state = { status: "forbidden" };
  else if (failed && (isForbidden(failed) || isNotFound(failed))) state = { status: "forbidden" };
  else if (failed)
    state = {
      status: "error",
      error: failed,
      onRetry: () => {
        if (may.error) void may.refetch();
        for (const search of searches) if (search.error) void search.refetch();
      },
    };
  else if (!group || searches.some((search) => !search.data)) state = { status: "loading" };
  else {
    const merged = mergeHistory(
      searches.map((search) => ({
        rows: search.data!.pages.flatMap((page) => page.audit_logs),
        hasMore: search.hasNextPage,
      })),
    );
    state = {
      status: "loaded",
      entries: merged.rows
        .filter((row) => concernsGroup(row, group.name))
        .flatMap((row) => historyEntriesOf(row, group.name)),
      hasMore: merged.hasMore,
      loadingMore: searches.some((search) => search.isFetchingNextPage),
      onLoadMore: () => {
        for (const search of searches) if (search.hasNextPage) void search.fetchNextPage();
      },
    };
  }
  return (
    <div className="flex flex-col gap-8">
      {group && <GroupSpendTrend organization={organization} group={group} />}
      <GroupHistoryView state={state} />
    </div>
  );
};

export default GroupHistoryPage;
