// The answers of Coder's API that both backends give, written once: the
// embedded server (server/httpapi.ts sends them with Hono) and the MSW mock
// backend (src/testHelpers/handlers/responses.ts sends them with MSW) say the
// same status, message and detail, and a refused conditional write the same
// 412 body. test/contract/ guards what cannot be shared.
import { budgetETag } from "./versions";
import {
  AI_UNENTITLED_MESSAGE,
  type ApiResponse,
  BUDGET_CONFLICT_MESSAGE,
  type BudgetConflictResponse,
  type GroupAIBudget,
} from "./types";

/** An answer as data: each backend turns it into its own response. */
export interface ApiAnswer<Body = ApiResponse> {
  status: number;
  body: Body;
  headers?: Record<string, string>;
}

export const RESOURCE_NOT_FOUND_MESSAGE = "Resource not found or you do not have access to this resource";

/** Coder's 404 for what does not exist and for what the user may not see alike. */
export const resourceNotFound = (): ApiAnswer => ({ status: 404, body: { message: RESOURCE_NOT_FOUND_MESSAGE } });

export const notSignedIn = (): ApiAnswer => ({
  status: 401,
  body: { message: "You are not signed in.", detail: "Sign in, or send a session token." },
});

/** A deployment whose license lacks the AI feature. */
export const unentitled = (): ApiAnswer => ({ status: 403, body: { message: AI_UNENTITLED_MESSAGE } });

/** A body that is not JSON, or holds text no database column can take (`unstorable`: where). */
export const unreadableBody = (unstorable?: string): ApiAnswer => ({
  status: 400,
  body: unstorable
    ? {
        message: "Request body holds text that cannot be stored.",
        detail: `${unstorable} contains a NUL character or a lone surrogate.`,
      }
    : { message: "Request body must be valid JSON.", detail: "The body could not be parsed." },
});

/**
 * A budget write refused by its If-Match / If-None-Match: 412, the budget
 * stored now (null: none) and its version as the ETag, so the writer can choose.
 */
export const budgetConflict = (
  current: GroupAIBudget | null,
  version: number | undefined,
): ApiAnswer<BudgetConflictResponse> => ({
  status: 412,
  body: {
    message: BUDGET_CONFLICT_MESSAGE,
    detail: "It changed after you loaded it. Load it again, or save again to replace it.",
    current,
  },
  ...(version === undefined ? {} : { headers: { ETag: budgetETag(version) } }),
});
