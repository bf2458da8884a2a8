// What this app knows about the deployment it talks to: its sign-in methods
// and its version. Both are public in Coder, and neither changes while the
// page is open.
import { API } from "../api";

export const authMethodsKey = ["deployment", "authMethods"] as const;
export const buildInfoKey = ["deployment", "buildInfo"] as const;
/** Set (to true) once an AI route answered "Route not found.": the deployment has none. */
export const aiRoutesMissingKey = ["deployment", "aiRoutesMissing"] as const;

export const authMethods = () => ({
  queryKey: authMethodsKey,
  queryFn: ({ signal }: { signal: AbortSignal }) => API.getAuthMethods(signal),
  staleTime: Infinity,
});

export const buildInfo = () => ({
  queryKey: buildInfoKey,
  queryFn: ({ signal }: { signal: AbortSignal }) => API.getBuildInfo(signal),
  staleTime: Infinity,
  // Only a hint: if it cannot be read, the budget routes' own answers tell.
  retry: false,
});
