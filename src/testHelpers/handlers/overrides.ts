// Per-user budgets: Owners and User Admins change them, audited as money.
import { http, HttpResponse } from "msw";
import { NOT_A_GROUP_MEMBER_MESSAGE, type UserAIBudgetOverride } from "../../../core/types";
import { checkUpsertOverrideBody } from "../../../core/requestChecks";
import { overrideAuditEntry } from "../../../core/domain/audit";
import * as permissions from "../../../core/domain/permissions";
import { audit, findGroupById, isMember, namedUser, readableUser, viewer } from "./access";
import { brokenJson, error, notFound, readJson, unauthorized, unentitled } from "./responses";
import { actorName, mockBackend, type MockOverride } from "./state";

const overrideBody = (userId: string, o: MockOverride): UserAIBudgetOverride => ({ user_id: userId, ...o });
const auditedOverride = (o: MockOverride | undefined) =>
  o && { spend_limit_micros: o.spend_limit_micros, group_name: findGroupById(o.group_id)?.name ?? "" };

export const overrideHandlers = [
  http.get("*/api/v2/users/:user/ai/budget/override", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    const user = readableUser(params.user);
    if (!user) return notFound();
    const override = mockBackend.overrides.get(user.id);
    const organization = override ? (findGroupById(override.group_id)?.organization_id ?? null) : null;
    return override && permissions.canReadUserBudgetIn(viewer(), user.id, organization)
      ? HttpResponse.json(overrideBody(user.id, override))
      : notFound();
  }),

  http.put("*/api/v2/users/:user/ai/budget/override", async ({ params, request }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    if (!permissions.canUpdateUsers(viewer())) return notFound();
    const user = namedUser(params.user);
    if (!user) return notFound();
    const body = await readJson(request);
    if (!body.ok) return brokenJson(body);
    const checked = checkUpsertOverrideBody(body.value);
    if (!checked.ok) return error(checked.status, checked.body);
    const group = findGroupById(checked.value.group_id);
    if (!group) return notFound();
    if (!isMember(group.id, user.id)) {
      return error(400, {
        message: NOT_A_GROUP_MEMBER_MESSAGE,
        validations: [{ field: "group_id", detail: "The user must be a member of this group." }],
      });
    }
    const previous = mockBackend.overrides.get(user.id);
    const now = new Date().toISOString();
    const saved = { ...checked.value, created_at: previous?.created_at ?? now, updated_at: now };
    mockBackend.overrides.set(user.id, saved);
    audit(
      overrideAuditEntry(actorName(), user, group.organization_id, auditedOverride(previous), auditedOverride(saved)),
    );
    return HttpResponse.json(overrideBody(user.id, saved));
  }),

  http.delete("*/api/v2/users/:user/ai/budget/override", ({ params }) => {
    if (!mockBackend.signedIn) return unauthorized();
    if (!mockBackend.aiEntitled) return unentitled();
    if (!permissions.canUpdateUsers(viewer())) return notFound();
    const user = namedUser(params.user);
    const previous = user && mockBackend.overrides.get(user.id);
    if (!user || !previous) return notFound();
    mockBackend.overrides.delete(user.id);
    const organization = findGroupById(previous.group_id)?.organization_id ?? "";
    audit(overrideAuditEntry(actorName(), user, organization, auditedOverride(previous), undefined));
    return new HttpResponse(null, { status: 204 });
  }),
];
