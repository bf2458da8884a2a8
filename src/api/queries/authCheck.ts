import { API } from "../api";
import type { AuthorizationRequest } from "../types";

export const authCheckKey = (request: AuthorizationRequest) =>
  ["authCheck", request] as const;

export const checkAuthorization = (request: AuthorizationRequest) => ({
  queryKey: authCheckKey(request),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    API.checkAuthorization(request, signal),
});

/** What the signed-in user may do with one group. */
export const groupPermissionChecks = (groupId: string): AuthorizationRequest => ({
  checks: {
    canUpdateGroup: {
      object: { resource_type: "group", resource_id: groupId },
      action: "update",
    },
  },
});
