// Group AI budgets, with versions as ETags and If-Match / If-None-Match
// checked as the server checks them; every change audited.
import { HttpResponse, http } from "msw";
import { budgetConflict } from "../../../core/apiAnswers";
import type { Group, GroupAIBudget } from "../../../core/types";
import { checkUpsertBudgetBody } from "../../../core/requestChecks";
import { budgetETag, preconditionHolds, preconditionOf } from "../../../core/versions";
import { budgetAuditEntry } from "../../../core/domain/audit";
import { audit, canUpdate, readableGroup } from "./access";
import { answer, brokenJson, error, notFound, readJson, unauthorized, unentitled } from "./responses";
import { actorName, mockBackend } from "./state";

/** Whether the request's If-Match / If-None-Match agree with what is stored, as the server checks them. */
const agrees = (request: Request, groupId: string): boolean =>
  preconditionHolds(
    preconditionOf(request.headers.get("If-Match"), request.headers.get("If-None-Match")),
    mockBackend.versions.get(groupId),
  );

const conflict = (groupId: string) =>
  answer(budgetConflict(mockBackend.budgets.get(groupId) ?? null, mockBackend.versions.get(groupId)));

function budgetRoute<T extends Record<string, string | readonly string[] | undefined>>(
  handle: (group: Group, request: Request) => Promise<globalThis.Response> | globalThis.Response,
) {
  return async ({ params, request }: { params: T; request: Request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    const group = readableGroup(String(params.groupId));
    if (!group) return notFound();
    return handle(group, request);
  };
}

export const budgetHandlers = [
  http.get(
    "*/api/v2/groups/:groupId/ai/budget",
    budgetRoute((group) => {
      const budget = mockBackend.budgets.get(group.id);
      const version = mockBackend.versions.get(group.id);
      return budget && version !== undefined
        ? HttpResponse.json(budget, { headers: { ETag: budgetETag(version) } })
        : notFound();
    }),
  ),

  http.put(
    "*/api/v2/groups/:groupId/ai/budget",
    budgetRoute(async (group, request) => {
      if (!canUpdate(group)) return notFound();
      const body = await readJson(request);
      if (!body.ok) return brokenJson(body);
      const checked = checkUpsertBudgetBody(body.value);
      if (!checked.ok) return error(checked.status, checked.body);
      if (!agrees(request, group.id)) return conflict(group.id);
      const now = new Date().toISOString();
      const previous = mockBackend.budgets.get(group.id);
      const budget: GroupAIBudget = {
        group_id: group.id,
        spend_limit_micros: checked.value,
        created_at: previous?.created_at ?? now,
        updated_at: now,
      };
      mockBackend.budgets.set(group.id, budget);
      const version = mockBackend.nextVersion++;
      mockBackend.versions.set(group.id, version);
      audit(budgetAuditEntry(actorName(), group, previous?.spend_limit_micros ?? null, checked.value));
      return HttpResponse.json(budget, { headers: { ETag: budgetETag(version) } });
    }),
  ),

  http.delete(
    "*/api/v2/groups/:groupId/ai/budget",
    budgetRoute((group, request) => {
      if (!canUpdate(group)) return notFound();
      const previous = mockBackend.budgets.get(group.id);
      if (previous && !agrees(request, group.id)) return conflict(group.id);
      if (!previous) return notFound();
      mockBackend.budgets.delete(group.id);
      mockBackend.versions.delete(group.id);
      audit(budgetAuditEntry(actorName(), group, previous.spend_limit_micros, null));
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];
