import { Hono, type Context } from "hono";
import { BUDGET_CONFLICT_MESSAGE, type BudgetConflictResponse } from "../../core/types";
import { budgetETag, versionsOfIfMatch } from "../../core/versions";
import { checkUpsertBudgetBody } from "../../core/validation";
import type { BudgetPrecondition, StoredBudget } from "../db/store";
import { apiError, readJson, resourceNotFound, type AppEnv } from "../httpapi";
import { canUpdateGroup } from "../rbac";
import { readableGroup, requireAIEntitlement } from "./middleware";

/** If-Match / If-None-Match as a precondition; an If-Match naming no version we made can never hold. */
function preconditionOf(c: Context): BudgetPrecondition {
  const ifNoneMatch = c.req.header("If-None-Match")?.trim();
  if (ifNoneMatch === "*") return { absent: true };
  const ifMatch = c.req.header("If-Match")?.trim();
  if (ifMatch === undefined) return undefined;
  if (ifMatch === "*") return { present: true };
  return { versions: versionsOfIfMatch(ifMatch) };
}

function conflict(c: Context, current: StoredBudget | undefined) {
  if (current) c.header("ETag", budgetETag(current.version));
  const body: BudgetConflictResponse = {
    message: BUDGET_CONFLICT_MESSAGE,
    detail: "It changed after you loaded it. Load it again, or save again to replace it.",
    current: current?.budget ?? null,
  };
  return c.json(body, 412);
}

/** The test build's faults for budget writes; the real build has none. */
async function injectedFault(c: Context<AppEnv>) {
  const faults = c.get("deps").faults;
  if (faults?.budgetWriteDelayMs) await new Promise((resolve) => setTimeout(resolve, faults.budgetWriteDelayMs));
  return faults?.budgetWrite ? apiError(c, faults.budgetWrite.status, faults.budgetWrite.message) : undefined;
}

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
    const faulted = await injectedFault(c);
    if (faulted) return faulted;
    const { row } = c.get("user");
    const saved = await c.get("deps").store.budgets.upsert(found.group, checked.value, row, preconditionOf(c));
    if (!saved.ok) return conflict(c, saved.current);
    c.header("ETag", budgetETag(saved.value.version));
    return c.json(saved.value.budget);
  });

  routes.delete("/groups/:group/ai/budget", async (c) => {
    const found = await readableGroup(c);
    if ("response" in found) return found.response;
    if (!canUpdateGroup(c.get("user"), found.group)) return resourceNotFound(c);
    const faulted = await injectedFault(c);
    if (faulted) return faulted;
    const deleted = await c.get("deps").store.budgets.remove(found.group, c.get("user").row, preconditionOf(c));
    if (!deleted.ok) return conflict(c, deleted.current);
    return deleted.value ? c.body(null, 204) : resourceNotFound(c);
  });

  return routes;
}
