// Coder's spend endpoints. The SQL reads; src/domain/budgetRules.ts decides.
import { Hono } from "hono";
import type { GroupMembersAISpendResponse, GroupsAISpendResponse, UserAISpend } from "../../src/api/types";
import { checkIdListQuery } from "../../src/api/validation";
import { groupSpendRow, groupTotalLimit, inIdOrder, memberSpendRow, resolveGoverning, visibleMemberIds, type Governing } from "../../src/domain/budgetRules";
import {
  AI_SPEND_EXPORT_CONTENT_TYPE,
  exportPeriod,
  spendExportCsv,
  spendExportFilename,
  type UsageRecord,
} from "../../src/domain/spendExport";
import { budgetPeriod, type BudgetPeriod } from "../../src/utils/budgetPeriod";
import type { SpendStore } from "../db/spendStore";
import { approximate, exactJson, type ExactIntegers } from "../exactJson";
import { apiError, readJson, resourceNotFound, type AppContext, type AppEnv } from "../httpapi";
import { canReadUserBudget, canUpdateGroup, isOwner } from "../rbac";
import { requireAIEntitlement } from "./groupAIBudgets";
import { readableGroup } from "./groups";

function idQuery(c: AppContext, name: string): { ids: string[] } | { response: globalThis.Response } {
  const checked = checkIdListQuery(new URL(c.req.url).searchParams, name);
  return checked.ok ? { ids: checked.value } : { response: c.json(checked.body, 400) };
}

async function governingOf(spend: SpendStore, userIds: string[]): Promise<Map<string, Governing | null>> {
  const inputs = await spend.resolutionInputs(userIds);
  return new Map(userIds.map((id) => [id, resolveGoverning(inputs.get(id)!)]));
}

const USAGE_TEXT_FIELDS = ["model", "provider", "provider_name"] as const;
const USAGE_TOKEN_FIELDS = ["input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens"] as const;

/** A recorded request's model, provider and tokens; a demo default for each one left out. */
function usageDetails(body: Record<string, unknown>):
  | { ok: true; value: Pick<UsageRecord, (typeof USAGE_TEXT_FIELDS)[number] | (typeof USAGE_TOKEN_FIELDS)[number]> }
  | { ok: false; validations: { field: string; detail: string }[] } {
  const validations: { field: string; detail: string }[] = [];
  const text = (field: (typeof USAGE_TEXT_FIELDS)[number], fallback: string) => {
    const value = body[field] ?? fallback;
    if (typeof value !== "string" || value.trim() === "" || value.length > 200) validations.push({ field, detail: "Must be a non-empty name." });
    return String(value);
  };
  const tokens = (field: (typeof USAGE_TOKEN_FIELDS)[number]) => {
    const value = body[field] ?? 0;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) validations.push({ field, detail: "Must be a whole number, 0 or more." });
    return Number(value);
  };
  const provider = text("provider", "anthropic");
  const value = {
    model: text("model", "claude-sonnet-4-5"),
    provider,
    provider_name: text("provider_name", provider),
    input_tokens: tokens("input_tokens"),
    output_tokens: tokens("output_tokens"),
    cache_read_tokens: tokens("cache_read_tokens"),
    cache_write_tokens: tokens("cache_write_tokens"),
  };
  return validations.length > 0 ? { ok: false, validations } : { ok: true, value };
}

const window = (period: BudgetPeriod) => ({ period_start: period.start.toISOString(), period_end: period.end.toISOString() });

export function aiSpendRoutes() {
  const routes = new Hono<AppEnv>();
  routes.use("/groups/:group/members/ai/*", requireAIEntitlement);
  routes.use("/organizations/:organization/groups/ai/*", requireAIEntitlement);
  routes.use("/users/:user/ai/*", requireAIEntitlement);
  routes.use("/organizations/:organization/ai/*", requireAIEntitlement);

  // Coder's CSV export: organization admins; the current UTC month, or a
  // range of at most 31 days (src/domain/spendExport.ts has the rules).
  routes.get("/organizations/:organization/ai/spend/export", async (c) => {
    const { store, spend } = c.get("deps");
    const organization = await store.organizationByName(c.req.param("organization"));
    if (!organization) return resourceNotFound(c);
    if (!canUpdateGroup(c.get("user"), { organization_id: organization.id })) return apiError(c, 403, "Forbidden.");
    const period = exportPeriod(new URL(c.req.url).searchParams, new Date());
    if (!period.ok) return c.json(period.body, 400);
    const rows = await spend.exportSpend(organization.id, period);
    return c.body(spendExportCsv(rows, period), 200, {
      "Content-Type": AI_SPEND_EXPORT_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${spendExportFilename(organization.name, period)}"`,
    });
  });

  routes.get("/groups/:group/members/ai/spend", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    const asked = idQuery(c, "user_ids");
    if ("response" in asked) return asked.response;
    const { spend } = c.get("deps");
    const user = c.get("user");
    const group = found.group;
    // A member who does not administer the group sees only their own row.
    const visible = visibleMemberIds(asked.ids, user.row.id, canUpdateGroup(user, group));
    const members = await spend.membersAmong(group.id, visible);
    const ids = inIdOrder(visible.filter((id) => members.has(id)));
    const period = budgetPeriod();
    const [governing, charged] = await Promise.all([governingOf(spend, ids), spend.spendChargedTo(group.id, ids, period)]);
    const exact: ExactIntegers = new WeakMap();
    const body: GroupMembersAISpendResponse = {
      ...window(period),
      members: ids.map((id) => {
        const row = memberSpendRow(group, id, governing.get(id)!, approximate(charged.get(id)));
        exact.set(row, { group_spend_micros: charged.get(id) ?? 0n });
        return row;
      }),
    };
    return exactJson(c, body, exact);
  });

  routes.get("/organizations/:organization/groups/ai/spend", async (c) => {
    const { store, spend } = c.get("deps");
    const organization = await store.organizationByName(c.req.param("organization"));
    if (!organization) return resourceNotFound(c);
    const asked = idQuery(c, "group_ids");
    if ("response" in asked) return asked.response;
    const period = budgetPeriod();
    const user = c.get("user");
    const readerId = canUpdateGroup(user, { organization_id: organization.id }) ? undefined : user.row.id;
    const [budgets, charged] = await Promise.all([
      spend.groupBudgets(organization.id, asked.ids, readerId),
      spend.groupSpend(asked.ids, period),
    ]);
    const readable = inIdOrder(asked.ids.filter((id) => budgets.has(id)));
    // Only a budgeted group has a total, and only its members can count towards it.
    const members = await spend.membersOfGroups(readable.filter((id) => budgets.get(id) !== null));
    const governing = await governingOf(spend, [...new Set([...members.values()].flat())]);
    const exact: ExactIntegers = new WeakMap();
    const body: GroupsAISpendResponse = {
      ...window(period),
      groups: readable.map((id) => {
        const ref = { id, organization_id: organization.id };
        const governed = (members.get(id) ?? []).map((userId) => governing.get(userId)!);
        const row = groupSpendRow(ref, budgets.get(id)!, governed, approximate(charged.get(id)));
        const total = groupTotalLimit(ref, budgets.get(id)!, governed);
        exact.set(row, { current_spend_micros: charged.get(id) ?? 0n, ...(total === null ? {} : { total_spend_limit_micros: total }) });
        return row;
      }),
    };
    return exactJson(c, body, exact);
  });

  // The embedded backend's stand-in for AI Gateway recording usage (`npm run
  // usage`); Coder has no such endpoint. Owners only.
  routes.post("/__embedded/ai/usage", async (c) => {
    const { spend } = c.get("deps");
    if (!isOwner(c.get("user"))) return resourceNotFound(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const { user, spend_micros, ...details } = (body.value ?? {}) as { user?: unknown; spend_micros?: unknown } & Record<string, unknown>;
    const target = typeof user === "string" ? await spend.userByName(user) : undefined;
    if (!target) return apiError(c, 400, "Unknown user.", { validations: [{ field: "user", detail: "No such user." }] });
    if (typeof spend_micros !== "number" || !Number.isSafeInteger(spend_micros) || spend_micros <= 0) {
      return apiError(c, 400, "Invalid spend.", { validations: [{ field: "spend_micros", detail: "Must be a positive whole number of micros." }] });
    }
    const usage = usageDetails(details);
    if (!usage.ok) return apiError(c, 400, "Invalid usage.", { validations: usage.validations });
    const governing = (await governingOf(spend, [target.id])).get(target.id);
    if (!governing) return apiError(c, 400, "The user is in no organization.");
    await spend.recordUsage({ user_id: target.id, group_id: governing.group_id, cost_micros: spend_micros, ...usage.value }, new Date());
    const total = (await spend.spendChargedTo(governing.group_id, [target.id], budgetPeriod())).get(target.id) ?? 0n;
    const answer = { user_id: target.id, charged_group_id: governing.group_id, current_spend_micros: approximate(total) };
    return exactJson(c, answer, new WeakMap([[answer, { current_spend_micros: total }]]));
  });

  routes.get("/users/:user/ai/spend", async (c) => {
    const { spend } = c.get("deps");
    const me = c.get("user");
    const name = c.req.param("user");
    const target = name === "me" ? me.row : await spend.userByName(name);
    if (!target || !canReadUserBudget(me, target.id, await spend.organizationsOf(target.id))) return resourceNotFound(c);
    const period = budgetPeriod();
    const governing = (await governingOf(spend, [target.id])).get(target.id) ?? null;
    const charged = governing ? await spend.spendChargedTo(governing.group_id, [target.id], period) : new Map<string, bigint>();
    const spent = charged.get(target.id) ?? 0n;
    const body: UserAISpend = {
      user_id: target.id,
      effective_group_id: governing?.group_id ?? null,
      effective_budget: governing?.limit ?? null,
      current_spend_micros: approximate(spent),
      ...window(period),
    };
    return exactJson(c, body, new WeakMap([[body, { current_spend_micros: spent }]]));
  });

  return routes;
}
