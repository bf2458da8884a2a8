import { queryOptions } from "@tanstack/react-query";
import { API } from "../api";
import type { AuthorizationRequest } from "../../../core/types";
import { queryKeys } from "./keys";

export const checkAuthorization = (request: AuthorizationRequest) =>
  queryOptions({
    queryKey: queryKeys.authCheck(request),
    queryFn: ({ signal }) => API.checkAuthorization(request, signal),
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
