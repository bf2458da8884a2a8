import { useQuery } from "@tanstack/react-query";
import { entitlements, isFeatureVisible } from "../api/queries/entitlements";
import { AI_FEATURE } from "../api/types";

/** Whether the deployment's entitlements enable AI budgets; undefined while unknown. */
export function useAIFeatureVisible(): { visible: boolean | undefined; error: unknown } {
  const query = useQuery(entitlements());
  return {
    visible: query.data ? isFeatureVisible(query.data, AI_FEATURE) : undefined,
    error: query.error,
  };
}
