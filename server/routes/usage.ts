// The embedded backend's stand-in for AI Gateway recording usage (`npm run
// usage`); Coder has no such endpoint. Owners only.
import { Hono } from "hono";
import type { UsageRecord } from "../../core/domain/spendExport";
import { budgetPeriod } from "../../core/budgetPeriod";
import { approximate, exactJson } from "../exactJson";
import { apiError, readJson, resourceNotFound, type AppEnv } from "../httpapi";
import { isOwner } from "../rbac";
import { governingOf } from "./middleware";

const USAGE_TEXT_FIELDS = ["model", "provider", "provider_name"] as const;
const USAGE_TOKEN_FIELDS = ["input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens"] as const;

/** A recorded request's model, provider and tokens; a demo default for each one left out. */
function usageDetails(body: Record<string, unknown>):
  | {
      ok: true;
      value: Pick<UsageRecord, (typeof USAGE_TEXT_FIELDS)[number] | (typeof USAGE_TOKEN_FIELDS)[number] | "client">;
    }
  | { ok: false; validations: { field: string; detail: string }[] } {
  const validations: { field: string; detail: string }[] = [];
  const text = (field: (typeof USAGE_TEXT_FIELDS)[number], fallback: string) => {
    const value = body[field] ?? fallback;
    if (typeof value !== "string" || value.trim() === "" || value.length > 200)
      validations.push({ field, detail: "Must be a non-empty name." });
    return String(value);
  };
  const tokens = (field: (typeof USAGE_TOKEN_FIELDS)[number]) => {
    const value = body[field] ?? 0;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
      validations.push({ field, detail: "Must be a whole number, 0 or more." });
    return Number(value);
  };
  const client = body.client ?? "";
  if (typeof client !== "string" || client.length > 200)
    validations.push({ field: "client", detail: "Must be a name of at most 200 characters." });
  const provider = text("provider", "anthropic");
  const value = {
    model: text("model", "claude-sonnet-4-5"),
    provider,
    provider_name: text("provider_name", provider),
    input_tokens: tokens("input_tokens"),
    output_tokens: tokens("output_tokens"),
    cache_read_tokens: tokens("cache_read_tokens"),
    cache_write_tokens: tokens("cache_write_tokens"),
    client: String(client),
  };
  return validations.length > 0 ? { ok: false, validations } : { ok: true, value };
}

export function usageRoutes() {
  const routes = new Hono<AppEnv>();
  routes.post("/__embedded/ai/usage", async (c) => {
    const { store } = c.get("deps");
    if (!isOwner(c.get("user"))) return resourceNotFound(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const { user, spend_micros, ...details } = (body.value ?? {}) as {
      user?: unknown;
      spend_micros?: unknown;
    } & Record<string, unknown>;
    const target = typeof user === "string" ? await store.users.byName(user) : undefined;
    if (!target)
      return apiError(c, 400, "Unknown user.", { validations: [{ field: "user", detail: "No such user." }] });
    if (typeof spend_micros !== "number" || !Number.isSafeInteger(spend_micros) || spend_micros <= 0) {
      return apiError(c, 400, "Invalid spend.", {
        validations: [{ field: "spend_micros", detail: "Must be a positive whole number of micros." }],
      });
    }
    const usage = usageDetails(details);
    if (!usage.ok) return apiError(c, 400, "Invalid usage.", { validations: usage.validations });
    const governing = (await governingOf(store, [target.id])).get(target.id);
    if (!governing) return apiError(c, 400, "The user is in no organization.");
    await store.spend.recordUsage(
      { user_id: target.id, group_id: governing.group_id, cost_micros: spend_micros, ...usage.value },
      new Date(),
    );
    const total = (await store.spend.chargedTo(governing.group_id, [target.id], budgetPeriod())).get(target.id) ?? 0n;
    const answer = {
      user_id: target.id,
      charged_group_id: governing.group_id,
      current_spend_micros: approximate(total),
    };
    return exactJson(c, answer, new WeakMap([[answer, { current_spend_micros: total }]]));
  });

  return routes;
}
