import { API } from "../api";

export const entitlementsKey = ["entitlements"] as const;

export const entitlements = () => ({
  queryKey: entitlementsKey,
  queryFn: ({ signal }: { signal: AbortSignal }) => API.getEntitlements(signal),
  staleTime: Infinity,
});
