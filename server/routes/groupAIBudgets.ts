import { Hono, type MiddlewareHandler } from "hono";
import { AI_UNENTITLED_MESSAGE } from "../../src/api/types";
import { checkUpsertBudgetBody } from "../../src/api/validation";
import { apiError, readJson, resourceNotFound, type AppEnv } from "../httpapi";
import { canUpdateGroup } from "../rbac";
import { readableGroup } from "./groups";

const requireAIEntitlement: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("deps").aiEntitled) return apiError(c, 403, AI_UNENTITLED_MESSAGE);
  await next();
};

export function groupAIBudgetRoutes() {
  const routes = new Hono<AppEnv>();
  routes.use("/groups/:group/ai/*", requireAIEntitlement);

  routes.get("/groups/:group/ai/budget", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    const budget = await c.get("deps").store.budget(found.group.id);
    return budget ? c.json(budget) : resourceNotFound(c);
  });

  routes.put("/groups/:group/ai/budget", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    if (!canUpdateGroup(c.get("user"), found.group)) return resourceNotFound(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const checked = checkUpsertBudgetBody(body.value);
    if (!checked.ok) return c.json(checked.body, 400);
    const fault = c.get("deps").faults?.budgetWrite;
    if (fault) return apiError(c, fault.status, fault.message);
    const { row } = c.get("user");
    const saved = await c.get("deps").store.upsertBudget(found.group, checked.value, row);
    return c.json(saved);
  });

  routes.delete("/groups/:group/ai/budget", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    if (!canUpdateGroup(c.get("user"), found.group)) return resourceNotFound(c);
    const fault = c.get("deps").faults?.budgetWrite;
    if (fault) return apiError(c, fault.status, fault.message);
    const deleted = await c.get("deps").store.deleteBudget(found.group, c.get("user").row);
    return deleted ? c.body(null, 204) : resourceNotFound(c);
  });

  return routes;
}
