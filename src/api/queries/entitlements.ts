import { queryOptions } from "@tanstack/react-query";
import { API } from "../api";
import type { Entitlements } from "../../../core/types";
import { queryKeys } from "./keys";

export const entitlements = () =>
  queryOptions({
    queryKey: queryKeys.entitlements,
    queryFn: ({ signal }) => API.getEntitlements(signal),
    staleTime: Infinity,
  });

export const isFeatureVisible = (data: Entitlements | undefined, feature: string): boolean =>
  Boolean(data?.features[feature]?.enabled);
