// What the members tab needs once its group is known (the route table's first
// requests bring the group by its name): whether this admin may manage it,
// and the first page of members with their spend. Run by the route's loader, at boot and
// on a link's hover (src/app/prefetch.ts); no React here.
import type { QueryClient } from "@tanstack/react-query";
import { prefetchMembersSpend } from "../../../api/queries/aiSpend";
import { checkAuthorization, groupPermissionChecks } from "../../../api/queries/authCheck";
import { aiBudgetsCertain } from "../../../api/queries/aiFeature";
import { entitlements } from "../../../api/queries/entitlements";
import { seedFirstMembersPage } from "../../../api/queries/cache";
import { groupMembersPage, prefetchGroup } from "../../../api/queries/groups";
import { compareMembers } from "../../../../core/domain/groupMembersQuery";
import { MEMBERS_PAGE_SIZE } from "../../../api/queries/spendBatches";
import { prefetchGroupHeaderSpend } from "../../../api/queries/spendWire";

export default async function loadGroupMembers(
  queryClient: QueryClient,
  { organization = "", groupName = "" }: Readonly<Record<string, string>>,
): Promise<void> {
  const loaded = await prefetchGroup(queryClient, organization, groupName);
  if (!loaded) return;
  // As on the settings page: the permission check and the spend leave in the same moment.
  await queryClient.ensureQueryData(entitlements()).catch(() => undefined);
  void queryClient.prefetchQuery(checkAuthorization(groupPermissionChecks(loaded.id)));
  if (await aiBudgetsCertain(queryClient)) prefetchGroupHeaderSpend(queryClient, organization, loaded.id);
  // The first page of members (no search) leaves with its spend: its ids are the group's first
  // members in the endpoint's order, so neither waits for the other.
  if (!seedFirstMembersPage(queryClient, loaded)) {
    void queryClient.prefetchQuery(groupMembersPage(loaded.id, "", 0)).catch(() => undefined);
  }
  await prefetchMembersSpend(
    queryClient,
    loaded.id,
    [...loaded.members]
      .sort(compareMembers)
      .slice(0, MEMBERS_PAGE_SIZE)
      .map((m) => m.id),
  );
}
