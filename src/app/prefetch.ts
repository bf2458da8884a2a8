// Everything a page needs, started at once: by the boot code for the page
// the app opens on, by the route loaders at navigation time, and by links on
// hover or focus. Each goes through the same query
// options the pages use, so nothing is fetched twice.
import { isCancelledError, type QueryClient } from "@tanstack/react-query";
import { checkAuthorization, groupPermissionChecks } from "../api/queries/authCheck";
import { versionHasAIBudgets } from "../api/buildInfo";
import { buildInfo } from "../api/queries/deployment";
import { entitlements, isFeatureVisible } from "../api/queries/entitlements";
import { groupAIBudget, groupById, groupIdByName, groups } from "../api/queries/groups";
import { groupFromList, seedMembersSpend } from "../api/queries/cache";
import { me } from "../api/queries/users";
import { groupMembersAISpend } from "../api/queries/aiSpend";
import { locate } from "./locations";
import { MEMBERS_PAGE_SIZE, PREVIEW_PREFETCH_MAX_MEMBERS } from "../pages/GroupsPage/spendLimits";
import { AI_FEATURE, type Group } from "../api/types";

export const loadGroupSettingsPage = () => import("../pages/GroupsPage/GroupSettingsPage");
export const loadGroupPage = () => import("../pages/GroupsPage/GroupPage");
export const loadGroupMembersPage = () => import("../pages/GroupsPage/GroupMembersPage");

const quietly = (work: Promise<unknown>) => void work.catch(() => undefined);

/**
 * The group under its name, taken from the organization's list when that is
 * already loaded (the list answers whole groups), else fetched.
 */
export async function prefetchGroup(queryClient: QueryClient, organization: string, groupName: string): Promise<Group | undefined> {
  groupFromList(queryClient, organization, groupName);
  try {
    const id = await queryClient.ensureQueryData(groupIdByName(organization, groupName));
    return await queryClient.ensureQueryData(groupById(id));
  } catch {
    return undefined;
  }
}

export function prefetchGroups(queryClient: QueryClient, organization: string): void {
  quietly(queryClient.prefetchQuery(groups(organization)));
}

/** The data, or undefined if it cannot be had; a fetch cancelled under it (its page left) is asked again. */
const settled = <T>(load: () => Promise<T>): Promise<T | undefined> =>
  load()
    .catch((error: unknown) => (isCancelledError(error) ? load() : Promise.reject(error)))
    .catch(() => undefined);

/**
 * Entitled to AI budgets, on a version known to have them. Unlike
 * useAIFeatureVisible, an unknown version prefetches nothing: the page asks
 * for itself once it knows.
 */
async function hasAIBudgets(queryClient: QueryClient): Promise<boolean> {
  const [features, info] = await Promise.all([
    settled(() => queryClient.ensureQueryData(entitlements())),
    settled(() => queryClient.ensureQueryData(buildInfo())),
  ]);
  return info !== undefined && isFeatureVisible(features, AI_FEATURE) && versionHasAIBudgets(info.version);
}

/** Spend of the given members, when the deployment has AI budgets. */
async function prefetchMembersSpend(queryClient: QueryClient, groupId: string, userIds: string[]): Promise<void> {
  if (!(await hasAIBudgets(queryClient)) || userIds.length === 0) return;
  const options = groupMembersAISpend(groupId, userIds);
  // A page of members the settings page already read, with the rest of them.
  seedMembersSpend(queryClient, options.queryKey, groupId, userIds);
  quietly(queryClient.prefetchQuery(options));
}

/** The group page's frame: its data and its code. */
export function prefetchGroupLayout(queryClient: QueryClient, organization: string, groupName: string): Promise<Group | undefined> {
  quietly(loadGroupPage());
  return prefetchGroup(queryClient, organization, groupName);
}

/**
 * The members tab: the frame, its code, and (once the group's id is known)
 * whether this admin may manage it, with the first page of members' spend.
 */
export function prefetchGroupPage(queryClient: QueryClient, organization: string, groupName: string): void {
  quietly(loadGroupMembersPage());
  quietly(
    (async () => {
      const loaded = await prefetchGroupLayout(queryClient, organization, groupName);
      if (!loaded) return;
      // As on the settings page: the permission check and the spend leave in the same moment.
      await queryClient.ensureQueryData(entitlements()).catch(() => undefined);
      quietly(queryClient.prefetchQuery(checkAuthorization(groupPermissionChecks(loaded.id))));
      await prefetchMembersSpend(queryClient, loaded.id, loaded.members.slice(0, MEMBERS_PAGE_SIZE).map((m) => m.id));
    })(),
  );
}

/**
 * The settings page: its code, the group, and (once the group's id is known)
 * the permission check and the budget, which needs the AI entitlement.
 */
export function prefetchGroupSettings(queryClient: QueryClient, organization: string, groupName: string): void {
  quietly(loadGroupPage());
  quietly(loadGroupSettingsPage());
  quietly(
    (async () => {
      const loaded = await prefetchGroup(queryClient, organization, groupName);
      if (!loaded) return;
      // The entitlements came with the group, in the first wave. Waiting for
      // them here sends the permission check, the budget and the spend in the
      // same moment: one wave, even when the main thread is busy in between.
      const aiBudgets = await hasAIBudgets(queryClient);
      quietly(queryClient.prefetchQuery(checkAuthorization(groupPermissionChecks(loaded.id))));
      if (aiBudgets) {
        quietly(queryClient.prefetchQuery(groupAIBudget(loaded.id)));
        if (loaded.members.length <= PREVIEW_PREFETCH_MAX_MEMBERS) {
          await prefetchMembersSpend(queryClient, loaded.id, loaded.members.map((m) => m.id));
        }
      }
    })(),
  );
}

/** Props for a link: hovering or focusing it starts loading what it leads to. */
export const prefetchOnIntent = (start: () => void) => ({
  onMouseEnter: start,
  onFocus: start,
  onTouchStart: start,
});

/**
 * What the page at `pathname` needs, started as soon as the app's code runs:
 * the router would otherwise load the routes' code before calling their
 * loaders. Loaders call the same functions later; nothing is fetched twice.
 */
export function prefetchForLocation(queryClient: QueryClient, pathname: string): void {
  const location = locate(pathname);
  if (location?.page === "login") return;
  quietly(queryClient.prefetchQuery(me()));
  quietly(queryClient.prefetchQuery(entitlements()));
  quietly(queryClient.prefetchQuery(buildInfo()));
  switch (location?.page) {
    case "groupSettings":
      return prefetchGroupSettings(queryClient, location.organization, location.groupName);
    case "group":
      return prefetchGroupPage(queryClient, location.organization, location.groupName);
    case "groups":
      return prefetchGroups(queryClient, location.organization);
  }
}
