// What this app knows about the deployment it talks to: its sign-in methods
// and its version. Both are public in Coder, and neither changes while the
// page is open.
import { queryOptions } from "@tanstack/react-query";
import { API } from "../api";
import { queryKeys } from "./keys";

export const authMethods = () =>
  queryOptions({
    queryKey: queryKeys.authMethods,
    queryFn: ({ signal }) => API.getAuthMethods(signal),
    staleTime: Infinity,
  });

export const buildInfo = () =>
  queryOptions({
    queryKey: queryKeys.buildInfo,
    queryFn: ({ signal }) => API.getBuildInfo(signal),
    staleTime: Infinity,
    // Only a hint: if it cannot be read, the budget routes' own answers tell.
    retry: false,
  });

/** True once an AI route answered "Route not found.": the deployment has none. Only ever set (cache.ts), never fetched. */
export const aiRoutesMissing = () =>
  queryOptions({
    queryKey: queryKeys.aiRoutesMissing,
    queryFn: () => false,
    staleTime: Infinity,
  });
