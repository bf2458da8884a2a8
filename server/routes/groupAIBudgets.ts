import { Hono, type Context } from "hono";
import { budgetConflict } from "../../core/apiAnswers";
import { budgetETag, preconditionOf } from "../../core/versions";
import { checkUpsertBudgetBody } from "../../core/requestChecks";
import type { StoredBudget } from "../db/store";
import { answer, readJson, resourceNotFound, type AppEnv } from "../httpapi";
import { canUpdateGroup } from "../rbac";
import { readableGroup, requireAIEntitlement } from "./middleware";

/** The write's If-Match / If-None-Match, read as both backends read them (core/versions.ts). */
const precondition = (c: Context) => preconditionOf(c.req.header("If-Match"), c.req.header("If-None-Match"));

const conflict = (c: Context, current: StoredBudget | undefined) =>
  answer(c, budgetConflict(current?.budget ?? null, current?.version));

export function groupAIBudgetRoutes() {
  const routes = new Hono<AppEnv>();
  routes.use("/groups/:group/ai/*", requireAIEntitlement);

  routes.get("/groups/:group/ai/budget", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    const stored = await c.get("deps").store.budgets.of(found.group.id);
    if (!stored) return resourceNotFound(c);
    c.header("ETag", budgetETag(stored.version));
    return c.json(stored.budget);
  });

  routes.put("/groups/:group/ai/budget", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    if (!canUpdateGroup(c.get("user"), found.group)) return resourceNotFound(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const checked = checkUpsertBudgetBody(body.value);
    if (!checked.ok) return c.json(checked.body, 400);
    const { row } = c.get("user");
    const saved = await c.get("deps").store.budgets.upsert(found.group, checked.value, row, precondition(c));
    if (!saved.ok) return conflict(c, saved.current);
    c.header("ETag", budgetETag(saved.value.version));
    return c.json(saved.value.budget);
  });

  routes.delete("/groups/:group/ai/budget", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    if (!canUpdateGroup(c.get("user"), found.group)) return resourceNotFound(c);
    const deleted = await c.get("deps").store.budgets.remove(found.group, c.get("user").row, precondition(c));
    if (!deleted.ok) return conflict(c, deleted.current);
    return deleted.value ? c.body(null, 204) : resourceNotFound(c);
  });

  return routes;
}
