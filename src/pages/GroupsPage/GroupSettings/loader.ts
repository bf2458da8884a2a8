// What the settings page needs once its group is known (the route table's
// first requests bring the group by its name): the permission check, the
// budget (which needs the AI entitlement) and every member's spend for the
// impact preview. Run by the route's loader, at boot and on a link's hover
// (src/app/prefetch.ts); no React here.
import type { QueryClient } from "@tanstack/react-query";
import { aiBudgetsCertain } from "../../../api/queries/aiFeature";
import { prefetchMembersSpend } from "../../../api/queries/aiSpend";
import { checkAuthorization, groupPermissionChecks } from "../../../api/queries/authCheck";
import { groupAIBudget, prefetchGroup } from "../../../api/queries/groups";
import { PREVIEW_PREFETCH_MAX_MEMBERS } from "../../../api/queries/spendBatches";
import { prefetchGroupHeaderSpend } from "../../../api/queries/spendWire";

export default async function loadGroupSettings(
  queryClient: QueryClient,
  { organization = "", groupName = "" }: Readonly<Record<string, string>>,
): Promise<void> {
  const loaded = await prefetchGroup(queryClient, organization, groupName);
  if (!loaded) return;
  // The entitlements came with the group, in the first wave. Waiting for
  // them here sends the permission check, the budget and the spend in the
  // same moment: one wave, even when the main thread is busy in between.
  const aiBudgets = await aiBudgetsCertain(queryClient);
  void queryClient.prefetchQuery(checkAuthorization(groupPermissionChecks(loaded.id)));
  if (!aiBudgets) return;
  void queryClient.prefetchQuery(groupAIBudget(loaded.id));
  prefetchGroupHeaderSpend(queryClient, organization, loaded.id);
  if (loaded.members.length <= PREVIEW_PREFETCH_MAX_MEMBERS) {
    await prefetchMembersSpend(
      queryClient,
      loaded.id,
      loaded.members.map((m) => m.id),
    );
  }
}
