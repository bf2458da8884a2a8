// The API's checks of request bodies, queries and paths: Coder's rules for
// what this app sends, checked the same way by the embedded server and by the
// MSW mock backend, so that neither can be laxer than the other.
import { MAX_SPEND_LIMIT_MICROS } from "./currency";
import {
  INVALID_SPEND_LIMIT_MESSAGE,
  MAX_SPEND_IDS,
  type AuthorizationCheck,
  type CreateGroupRequest,
  type PatchGroupRequest,
  type ApiResponse,
} from "./types";
import { avatarUrlProblem, displayNameProblem, groupNameProblem, QUOTA_ALLOWANCE_MAX } from "./validation";

export type Checked<T> = { ok: true; value: T } | { ok: false; status: number; body: ApiResponse };

const badRequest = (
  message: string,
  validations: ApiResponse["validations"] = [],
): { ok: false; status: 400; body: ApiResponse } => ({
  ok: false,
  status: 400,
  body: { message, validations },
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `{"spend_limit_micros": <integer 0..1e12>}` and nothing else. */
export function checkUpsertBudgetBody(body: unknown): Checked<number> {
  if (!isPlainObject(body)) {
    return badRequest("Request body must be a JSON object.");
  }
  const extra = Object.keys(body).filter((key) => key !== "spend_limit_micros");
  if (extra.length > 0) {
    return badRequest("Request body has unknown fields.", [
      ...extra.map((field) => ({ field, detail: "Unknown field." })),
    ]);
  }
  const micros = body.spend_limit_micros;
  if (typeof micros !== "number" || !Number.isInteger(micros)) {
    return badRequest(INVALID_SPEND_LIMIT_MESSAGE, [
      { field: "spend_limit_micros", detail: "Must be a whole number of micros." },
    ]);
  }
  if (micros < 0) {
    return badRequest(INVALID_SPEND_LIMIT_MESSAGE, [{ field: "spend_limit_micros", detail: "Must not be negative." }]);
  }
  if (micros > MAX_SPEND_LIMIT_MICROS) {
    return badRequest(INVALID_SPEND_LIMIT_MESSAGE, [
      { field: "spend_limit_micros", detail: `Must not exceed ${MAX_SPEND_LIMIT_MICROS}.` },
    ]);
  }
  return { ok: true, value: micros };
}

/** `{"group_id": <uuid>, "spend_limit_micros": <integer 0..1e12>}`. */
export function checkUpsertOverrideBody(body: unknown): Checked<{ group_id: string; spend_limit_micros: number }> {
  if (!isPlainObject(body)) return badRequest("Request body must be a JSON object.");
  const { group_id, ...rest } = body;
  // A UUID, not any 36 hyphens and hex digits: the database refuses the rest (it was a 500).
  if (typeof group_id !== "string" || !UUID.test(group_id)) {
    return badRequest("Validation failed.", [{ field: "group_id", detail: "Must be a group id." }]);
  }
  const limit = checkUpsertBudgetBody(rest);
  return limit.ok ? { ok: true, value: { group_id, spend_limit_micros: limit.value } } : limit;
}

type GroupFieldPatch = Pick<PatchGroupRequest, "name" | "display_name" | "avatar_url" | "quota_allowance">;

/** The optional group fields of a PATCH body, each checked by Coder's rules. */
export function checkPatchGroupBody(body: unknown): Checked<PatchGroupRequest> {
  if (!isPlainObject(body)) {
    return badRequest("Request body must be a JSON object.");
  }
  const validations: NonNullable<ApiResponse["validations"]> = [];
  const patch: GroupFieldPatch = {};
  const text = (field: keyof GroupFieldPatch, problem: (v: string) => string | undefined) => {
    const value = body[field];
    if (value === undefined) return;
    if (typeof value !== "string") {
      validations.push({ field, detail: "Must be a string." });
      return;
    }
    const found = problem(value);
    if (found) validations.push({ field, detail: found });
    else (patch as Record<string, unknown>)[field] = value;
  };
  text("name", groupNameProblem);
  text("display_name", displayNameProblem);
  text("avatar_url", avatarUrlProblem);
  const quota = body.quota_allowance;
  if (quota !== undefined) {
    if (typeof quota !== "number" || !Number.isInteger(quota) || quota < 0 || quota > QUOTA_ALLOWANCE_MAX) {
      validations.push({ field: "quota_allowance", detail: "Must be a whole number, 0 or more." });
    } else {
      patch.quota_allowance = quota;
    }
  }
  const ids = (field: "add_users" | "remove_users"): string[] => {
    const value = body[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((id) => typeof id !== "string")) {
      validations.push({ field, detail: "Must be a list of user ids." });
      return [];
    }
    return value as string[];
  };
  const add_users = ids("add_users");
  const remove_users = ids("remove_users");
  if (validations.length > 0) {
    return badRequest("Invalid group settings.", validations);
  }
  return { ok: true, value: { ...patch, add_users, remove_users } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (text: string) => UUID.test(text);

/**
 * A spend endpoint's query: `name` (comma-separated UUIDs, repeatable) must be
 * there and not empty, every id must parse, no other parameter is allowed, and
 * at most 100 ids, as Coder's query parser and handlers answer.
 */
export function checkIdListQuery(query: URLSearchParams, name: string): Checked<string[]> {
  const validations: NonNullable<ApiResponse["validations"]> = [];
  const values = query.getAll(name);
  let ids: string[] = [];
  if (values.length === 0 || values[0] === "") {
    validations.push({ field: name, detail: `Query param "${name}" is required and cannot be empty` });
  } else {
    const terms = values.flatMap((value) => value.split(","));
    const bad = terms.filter((term) => !UUID.test(term.trim()));
    if (bad.length > 0) {
      validations.push({
        field: name,
        detail: `Query param "${name}" has invalid values: ${bad.map((t) => JSON.stringify(t)).join(", ")} ${bad.length === 1 ? "is not a UUID" : "are not UUIDs"}`,
      });
    } else {
      ids = terms.map((term) => term.trim().toLowerCase());
    }
  }
  for (const key of new Set(query.keys())) {
    if (key !== name) validations.push({ field: key, detail: `"${key}" is not a valid query param` });
  }
  if (validations.length > 0) return badRequest("Query parameters have invalid values.", validations);
  if (ids.length > MAX_SPEND_IDS) {
    return {
      ok: false,
      status: 400,
      body: { message: `${name} has ${ids.length} entries, maximum is ${MAX_SPEND_IDS}.` },
    };
  }
  return { ok: true, value: [...new Set(ids)] };
}

const PAGING_NUMBER = /^\d{1,9}$/;

/**
 * `limit` (default 50, at most 1000) and `offset` (default 0): whole numbers
 * written in digits, as Coder's query parser takes them; anything else is a 400.
 */
export function checkPagingQuery(query: URLSearchParams): Checked<{ limit: number; offset: number }> {
  const validations: NonNullable<ApiResponse["validations"]> = [];
  const read = (name: string, fallback: number): number => {
    const value = query.get(name);
    if (value === null || value === "") return fallback;
    if (!PAGING_NUMBER.test(value)) {
      validations.push({ field: name, detail: `Query param "${name}" must be a whole number from 0 to 999999999.` });
      return fallback;
    }
    return Number(value);
  };
  const limit = read("limit", 50);
  const offset = read("offset", 0);
  if (validations.length > 0) return badRequest("Query parameters have invalid values.", validations);
  return { ok: true, value: { limit: Math.min(Math.max(limit, 1), 1000), offset } };
}

export const MAX_AUTHORIZATION_CHECKS = 100;

const isPlainObjectOrAbsent = (value: unknown) => value === undefined || isPlainObject(value);
const isStringOrAbsent = (value: unknown) => value === undefined || typeof value === "string";

/**
 * `POST /authcheck`'s `{checks: {[name]: {object: {resource_type, resource_id?, organization_id?}, action}}}`,
 * at most 100 checks, each field of the type Coder declares.
 */
export function checkAuthorizationBody(body: unknown): Checked<Record<string, AuthorizationCheck>> {
  const checks = isPlainObject(body) ? body.checks : undefined;
  if (!isPlainObject(checks))
    return badRequest("Validation failed.", [{ field: "checks", detail: "Must be an object." }]);
  const names = Object.keys(checks);
  if (names.length > MAX_AUTHORIZATION_CHECKS) {
    return badRequest("Validation failed.", [
      { field: "checks", detail: `At most ${MAX_AUTHORIZATION_CHECKS} checks a request.` },
    ]);
  }
  const bad = names.filter((name) => {
    const check = checks[name];
    if (!isPlainObject(check) || typeof check.action !== "string" || !isPlainObjectOrAbsent(check.object)) return true;
    const object = (check.object ?? {}) as Record<string, unknown>;
    return (
      typeof object.resource_type !== "string" ||
      !isStringOrAbsent(object.resource_id) ||
      !isStringOrAbsent(object.organization_id) ||
      !isStringOrAbsent(object.owner_id)
    );
  });
  if (bad.length > 0) {
    return badRequest(
      "Validation failed.",
      bad.slice(0, 10).map((name) => ({
        field: `checks.${name}`,
        detail: "Must be {object: {resource_type, resource_id?, organization_id?}, action}.",
      })),
    );
  }
  return { ok: true, value: checks as unknown as Record<string, AuthorizationCheck> };
}

/**
 * `POST /organizations/{o}/groups`: Coder's CreateGroupRequest, `name`
 * required, the other fields optional (empty, or 0), each by the rules a PATCH
 * follows. Refused as Coder's request reader refuses a body its validator
 * fails: 400 "Validation failed." with one entry per field.
 */
export function checkCreateGroupBody(body: unknown): Checked<CreateGroupRequest> {
  if (!isPlainObject(body)) return badRequest("Request body must be a JSON object.");
  const { add_users, remove_users, ...fields } = body;
  const checked = checkPatchGroupBody(fields);
  const validations = checked.ok ? [] : [...(checked.body.validations ?? [])];
  if (body.name === undefined || body.name === "") validations.unshift({ field: "name", detail: "Name is required." });
  if (add_users !== undefined || remove_users !== undefined)
    validations.push({
      field: add_users !== undefined ? "add_users" : "remove_users",
      detail: "Not a field of a new group.",
    });
  if (!checked.ok || validations.length > 0) return badRequest("Validation failed.", dedupe(validations));
  const { name = "", display_name = "", avatar_url = "", quota_allowance = 0 } = checked.value;
  return { ok: true, value: { name, display_name, avatar_url, quota_allowance } };
}

const dedupe = (validations: NonNullable<ApiResponse["validations"]>) =>
  validations.filter((v, i) => validations.findIndex((w) => w.field === v.field) === i);
