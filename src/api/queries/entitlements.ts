import { queryOptions } from "@tanstack/react-query";
import { API } from "../api";
import { queryKeys } from "./keys";

export const entitlements = () =>
  queryOptions({
    queryKey: queryKeys.entitlements,
    queryFn: ({ signal }) => API.getEntitlements(signal),
    staleTime: Infinity,
  });
