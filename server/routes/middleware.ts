// What several route files share: the AI entitlement gate, and the group or
// user a path names, once the signed-in user may read it. Route files import
// this, never each other.
import type { MiddlewareHandler } from "hono";
import { unentitled } from "../../core/apiAnswers";
import { resolveGoverning, type Governing } from "../../core/domain/budgetRules";
import type { Actor, GroupSummary, Store } from "../db/store";
import { answer, apiError, resourceNotFound, UUID_PATTERN, type AppContext, type AppEnv } from "../httpapi";
import { canReadGroup, canReadOrganization, canReadUserBudget } from "../rbac";
import type { OrganizationRow } from "../db/organizations";

type Found<T> = T | { response: globalThis.Response };

export const requireAIEntitlement: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("deps").aiEntitled) return answer(c, unentitled());
  await next();
};

/**
 * The group named by `:group` (without its members, which a large group makes
 * costly), if the signed-in user may read it; else the answer to send.
 */
export async function readableGroup(c: AppContext): Promise<Found<{ group: GroupSummary }>> {
  const id = c.req.param("group") ?? "";
  if (!UUID_PATTERN.test(id)) return { response: apiError(c, 400, `Invalid UUID "${id}".`) };
  const { store } = c.get("deps");
  const group = await store.groups.summary(id);
  if (!group || !(await canReadGroup(store, c.get("user"), group))) return { response: resourceNotFound(c) };
  return { group };
}

/**
 * The organization named by `:organization` (an id, a name or "default"), if
 * the signed-in user may read it; else 404, so that its existence is not told
 * to someone outside it, as Coder answers.
 */
export async function readableOrganization(c: AppContext): Promise<Found<{ organization: OrganizationRow }>> {
  const organization = await c.get("deps").store.organizations.byName(c.req.param("organization") ?? "");
  if (!organization || !canReadOrganization(c.get("user"), organization.id)) return { response: resourceNotFound(c) };
  return { organization };
}

/** The user named by `:user` (a username, an id, or "me"), if there is one. */
export async function namedUser(c: AppContext): Promise<Actor | undefined> {
  const me = c.get("user").row;
  const name = c.req.param("user") ?? "";
  return name === "me" ? me : c.get("deps").store.users.byName(name);
}

/** The user named by `:user`, if the signed-in user may read their budget and spend; else 404. */
export async function readableUser(c: AppContext): Promise<Found<{ target: Actor }>> {
  const target = await namedUser(c);
  const organizations = target && (await c.get("deps").store.organizations.idsOf(target.id));
  if (!target || !canReadUserBudget(c.get("user"), target.id, organizations!)) return { response: resourceNotFound(c) };
  return { target };
}

/** The budget that governs each listed user, by Coder's rules (null: in no organization). */
export async function governingOf(store: Store, userIds: string[]): Promise<Map<string, Governing | null>> {
  const inputs = await store.resolutionInputs(userIds);
  return new Map(userIds.map((id) => [id, resolveGoverning(inputs.get(id)!)]));
}
