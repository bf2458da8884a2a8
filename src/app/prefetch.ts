// Everything a page needs, started at once, from the route table: by the
// boot code for the page the app opens on, by the route loaders at
// navigation time, and by links on hover or focus. Each goes through the same
// query options the pages use, so nothing is fetched twice.
import { isCancelledError, type QueryClient } from "@tanstack/react-query";
import { versionHasAIBudgets } from "../../core/buildInfo";
import { groupMembersAISpend } from "../api/queries/aiSpend";
import { checkAuthorization, groupPermissionChecks } from "../api/queries/authCheck";
import { groupFromList, seedFirstMembersPage, seedMembersSpend } from "../api/queries/cache";
import { buildInfo } from "../api/queries/deployment";
import { entitlements, isFeatureVisible } from "../api/queries/entitlements";
import { groupAIBudget, groupById, groupIdByName, groupMembersPage, groups } from "../api/queries/groups";
import { MEMBERS_PAGE_SIZE, PREVIEW_PREFETCH_MAX_MEMBERS } from "../api/queries/spendBatches";
import { me } from "../api/queries/users";
import { AI_FEATURE, type Group } from "../../core/types";
import { compareMembers } from "../../core/domain/groupMembersQuery";
import { firstRequests, matchRoute, routeFirstWave, type AppRoute, type FirstRequest, type Params } from "./routeTable";

const quietly = (work: Promise<unknown>) => void work.catch(() => undefined);

/** The query that makes a first request (the table's `firstRequestPath` names its GET). */
function prefetchFirst(queryClient: QueryClient, request: FirstRequest): void {
  switch (request.query) {
    case "me":
      quietly(queryClient.prefetchQuery(me()));
      return;
    case "entitlements":
      quietly(queryClient.prefetchQuery(entitlements()));
      return;
    case "buildInfo":
      quietly(queryClient.prefetchQuery(buildInfo()));
      return;
    case "groups":
      quietly(queryClient.prefetchQuery(groups(request.organization)));
      return;
    case "groupByName":
      void prefetchGroup(queryClient, request.organization, request.groupName);
  }
}

/**
 * The group under its name, taken from the organization's list when that is
 * already loaded (the list answers whole groups), else fetched.
 */
function prefetchGroup(queryClient: QueryClient, organization: string, groupName: string): Promise<Group | undefined> {
  groupFromList(queryClient, organization, groupName);
  return (async () => {
    const id = await queryClient.ensureQueryData(groupIdByName(organization, groupName));
    return queryClient.ensureQueryData(groupById(id));
  })().catch(() => undefined);
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

/**
 * The second wave of the pages that need one: what they need once the
 * group's id is known. Pages without one load with their first wave.
 */
const secondWave: Partial<Record<AppRoute["id"], (queryClient: QueryClient, params: Params) => Promise<void>>> = {
  /** Whether this admin may manage the group, with the first page of members' spend. */
  groupMembers: async (queryClient, { organization = "", groupName = "" }) => {
    const loaded = await prefetchGroup(queryClient, organization, groupName);
    if (!loaded) return;
    // As on the settings page: the permission check and the spend leave in the same moment.
    await queryClient.ensureQueryData(entitlements()).catch(() => undefined);
    quietly(queryClient.prefetchQuery(checkAuthorization(groupPermissionChecks(loaded.id))));
    // The first page of members (no search) leaves with its spend: its ids are the group's first
    // members in the endpoint's order, so neither waits for the other.
    if (!seedFirstMembersPage(queryClient, loaded))
      quietly(queryClient.prefetchQuery(groupMembersPage(loaded.id, "", 0)));
    await prefetchMembersSpend(
      queryClient,
      loaded.id,
      [...loaded.members]
        .sort(compareMembers)
        .slice(0, MEMBERS_PAGE_SIZE)
        .map((m) => m.id),
    );
  },
  /** The permission check and the budget (which needs the AI entitlement), with every member's spend. */
  groupSettings: async (queryClient, { organization = "", groupName = "" }) => {
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
        await prefetchMembersSpend(
          queryClient,
          loaded.id,
          loaded.members.map((m) => m.id),
        );
      }
    }
  },
};

/** A route's code and its data: the first wave from the table, then its second. */
export function prefetchRoute(queryClient: QueryClient, route: AppRoute, params: Params): void {
  for (const page of route.pages) quietly(page());
  for (const request of routeFirstWave(route, params)) prefetchFirst(queryClient, request);
  const next = secondWave[route.id];
  if (next) quietly(next(queryClient, params));
}

/**
 * What the page at `pathname` needs: at boot (the router would otherwise
 * load the routes' code before calling their loaders), and on a link's hover
 * or focus. Loaders call the same functions later; nothing is fetched twice.
 */
export function prefetchLocation(queryClient: QueryClient, pathname: string): void {
  const match = matchRoute(pathname);
  if (match) prefetchRoute(queryClient, match.route, match.params);
  else for (const request of firstRequests(pathname)) prefetchFirst(queryClient, request);
}
