import { API } from "../api";
import type { Entitlements } from "../types";

export const entitlementsKey = ["entitlements"] as const;

export const entitlements = () => ({
  queryKey: entitlementsKey,
  queryFn: ({ signal }: { signal: AbortSignal }) => API.getEntitlements(signal),
  staleTime: Infinity,
});

export const isFeatureVisible = (data: Entitlements | undefined, feature: string): boolean =>
  Boolean(data?.features[feature]?.enabled);
