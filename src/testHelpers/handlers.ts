// A small in-memory Coder, for component tests, Storybook and the contract
// test. It answers the way the embedded server does: same wire types, same
// body and query checks, same permissions (core/domain/permissions.ts), same
// budget rules (core/domain/budgetRules.ts), same statuses. One file per
// domain in ./handlers/; the deployment's data in ./handlers/state.ts.
import { http } from "msw";
import { ROUTE_NOT_FOUND_MESSAGE } from "../../core/types";
import {
  hostilePathProblem,
  hostileQueryProblems,
  INVALID_PATH_MESSAGE,
  INVALID_QUERY_MESSAGE,
} from "../../core/edgeChecks";
import { auditHandlers } from "./handlers/audit";
import { authHandlers } from "./handlers/auth";
import { budgetHandlers } from "./handlers/budgets";
import { deploymentHandlers } from "./handlers/deployment";
import { groupHandlers } from "./handlers/groups";
import { organizationHandlers } from "./handlers/organizations";
import { organizationMemberHandlers } from "./handlers/organizationMembers";
import { overrideHandlers } from "./handlers/overrides";
import { error, unauthorized } from "./handlers/responses";
import { spendHandlers } from "./handlers/spend";
import { mockBackend } from "./handlers/state";

export {
  EMBEDDED_AUTH_METHODS,
  MOCK_PASSWORD,
  mockBackend,
  resetMockBackend,
  type MockBackendState,
  type MockUser,
} from "./handlers/state";
export {
  mockAddGroup,
  mockAddOrganization,
  mockAddUsers,
  mockChargeSpend,
  mockRecordUsage,
  mockSetOverride,
  mockSignIn,
  setBudgetElsewhere,
} from "./handlers/setup";

export const handlers = [
  // Before any route, as on the server: a path holding control characters
  // names nothing. A pattern without parameters, which MSW would decode (and
  // throw on a path that does not decode).
  http.all(/\/api\/v2\//, ({ request }) => {
    const url = new URL(request.url);
    const problem = hostilePathProblem(url.pathname);
    if (problem) return error(400, { message: INVALID_PATH_MESSAGE, detail: problem });
    const queryProblems = hostileQueryProblems(url.search);
    return queryProblems.length > 0
      ? error(400, { message: INVALID_QUERY_MESSAGE, validations: queryProblems })
      : undefined;
  }),
  ...authHandlers,
  ...deploymentHandlers,
  ...auditHandlers,
  ...groupHandlers,
  ...organizationHandlers,
  ...organizationMemberHandlers,
  ...spendHandlers,
  ...overrideHandlers,
  ...budgetHandlers,
];

/**
 * Any other API path, answered as the server answers it (JSON 404). Not in
 * `handlers`, so that a test's unexpected request still fails loudly; the
 * contract test adds it last.
 */
export const unknownApiRoute = http.all("*/api/v2/*", ({ request }) => {
  if (!mockBackend.signedIn) return unauthorized();
  return error(404, { message: ROUTE_NOT_FOUND_MESSAGE, detail: `${request.method} ${new URL(request.url).pathname}` });
});
