// What the members tab needs once its group is known (the route table's first
// requests bring the group by its name): whether this admin may manage it,
// and the first page of members' spend. Run by the route's loader, at boot and
// on a link's hover (src/app/prefetch.ts); no React here.
import type { QueryClient } from "@tanstack/react-query";
import { prefetchMembersSpend } from "../../../api/queries/aiSpend";
import { checkAuthorization, groupPermissionChecks } from "../../../api/queries/authCheck";
import { aiBudgetsCertain } from "../../../api/queries/aiFeature";
import { entitlements } from "../../../api/queries/entitlements";
import { prefetchGroup } from "../../../api/queries/groups";
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
  await prefetchMembersSpend(
    queryClient,
    loaded.id,
    loaded.members.slice(0, MEMBERS_PAGE_SIZE).map((m) => m.id),
  );
}
