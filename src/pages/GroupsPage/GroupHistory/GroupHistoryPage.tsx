import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FC } from "react";
import { useParams } from "react-router";
import { isForbidden, isNotFound } from "../../../api/errors";
import { checkAuthorization } from "../../../api/queries/authCheck";
import { useGroup } from "../../../hooks/useGroup";
import { auditQuery } from "../../../../core/domain/auditQuery";
import { auditLogPages, auditReadChecks } from "./auditPages";
import { concernsGroup, historyEntriesOf, mergeHistory } from "./historyEntries";
import { GroupHistoryView, type GroupHistoryState } from "./GroupHistoryView";
import { GroupSpendTrend } from "./GroupSpendTrend";

// Overrides are found by organization and kept when charged to this group,
// so their pages are larger than the group's own.
const PAGE = 25;
const OVERRIDE_PAGE = 100;

/**
 * The group's History tab: its spend by day, and the changes to its budget,
 * the overrides charged to it and its members from Coder's audit log. Coder's
 * search takes one resource type at a time: three searches, merged.
 */
const GroupHistoryPage: FC = () => {
  const { organization = "", groupName = "" } = useParams();
  const queryClient = useQueryClient();
  const [pages, setPages] = useState(1);
  const group = useGroup(organization, groupName).data;
  const id = group?.id ?? "";
  const may = useQuery({ ...checkAuthorization(auditReadChecks(group?.organization_id ?? "")), enabled: !!group });
  const enabled = may.data?.canReadAuditLog === true;
  const search = (q: string, limit: number) =>
    // While older pages load, the rows already shown stay.
    ({ ...auditLogPages(queryClient, q, limit, pages), enabled, placeholderData: <T,>(previous: T) => previous });
  const searches = [
    useQuery(search(auditQuery({ resource_type: "group_ai_budget", resource_id: id }), PAGE)),
    useQuery(search(auditQuery({ resource_type: "group", resource_id: id }), PAGE)),
    useQuery(
      search(
        auditQuery({ resource_type: "user_ai_budget_override", organization: group?.organization_id }),
        OVERRIDE_PAGE,
      ),
    ),
  ];
  const failed = searches.find((s) => s.error)?.error ?? may.error;
  let state: GroupHistoryState;
  if (may.data && !enabled) state = { status: "forbidden" };
  else if (failed && (isForbidden(failed) || isNotFound(failed))) state = { status: "forbidden" };
  else if (failed)
    state = {
      status: "error",
      error: failed,
      onRetry: () => {
        if (may.error) void may.refetch();
        for (const s of searches) if (s.error) void s.refetch();
      },
    };
  else if (!group || searches.some((s) => !s.data)) state = { status: "loading" };
  else {
    const merged = mergeHistory(searches.map((s) => s.data!));
    state = {
      status: "loaded",
      entries: merged.rows
        .filter((row) => concernsGroup(row, group.name))
        .flatMap((row) => historyEntriesOf(row, group.name)),
      hasMore: merged.hasMore,
      loadingMore: searches.some((s) => s.isPlaceholderData),
      onLoadMore: () => setPages((n) => n + 1),
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
