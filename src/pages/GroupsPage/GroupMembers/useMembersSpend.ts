// The AI spend of the members on screen only (at most 100 ids a request, as
// spendBatches.ts splits them), and the organization's groups once a row
// needs one named.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { groupMembersAISpend } from "../../../api/queries/aiSpend";
import { membersSpendFromCache } from "../../../api/queries/spendCache";
import { groups } from "../../../api/queries/groups";
import type { Group, ReducedUser } from "../../../../core/types";
import { memberBudgetCell } from "../../../../core/domain/budgetRules";

export function useMembersSpend(group: Group | undefined, shown: ReducedUser[], enabled: boolean) {
  const queryClient = useQueryClient();
  const groupId = group?.id ?? "";
  const ids = shown.map((m) => m.id);
  const query = useQuery({
    ...groupMembersAISpend(groupId, ids),
    // The settings page may have read every member already: no need to ask again.
    initialData: () => membersSpendFromCache(queryClient, groupId, ids)?.data,
    initialDataUpdatedAt: () => membersSpendFromCache(queryClient, groupId, ids)?.updatedAt,
    enabled: Boolean(group && enabled && ids.length),
    placeholderData: (previous) => previous,
  });
  const rows = shown.map((m) => query.data?.byUser.get(m.id));
  const governedElsewhere =
    group !== undefined && rows.some((row) => row && memberBudgetCell(group, row).kind === "otherGroup");
  const named = useQuery({ ...groups(group?.organization_name ?? ""), enabled: governedElsewhere });
  // Everyone on screen falls to the Everyone group, unlimited: say so once.
  const noBudgetAnywhere =
    group !== undefined &&
    enabled &&
    rows.length > 0 &&
    rows.every((row) => row !== undefined && memberBudgetCell(group, row).kind === "unallocated");
  return {
    data: query.data,
    isLoading: query.isLoading,
    error: query.error,
    refetch: () => void query.refetch(),
    groupNames: named.data && new Map(named.data.map((g) => [g.id, g])),
    noBudgetAnywhere,
  };
}

export type MembersSpendState = ReturnType<typeof useMembersSpend>;
