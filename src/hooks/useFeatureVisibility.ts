import { useQuery } from "@tanstack/react-query";
import { type AIFeature, decideAIFeature } from "../api/queries/aiFeature";
import { aiRoutesMissing, buildInfo } from "../api/queries/deployment";
import { entitlements } from "../api/queries/entitlements";

export type { AIFeature };

/** Whether the deployment has AI budgets, as `decideAIFeature` rules, from the cached answers. */
export function useAIFeatureVisible(): AIFeature {
  const query = useQuery(entitlements());
  const info = useQuery(buildInfo());
  // Only ever written by the query cache; never fetched.
  const routesMissing = useQuery({ ...aiRoutesMissing(), enabled: false, initialData: false }).data;
  return decideAIFeature({
    entitlements: query.data,
    entitlementsError: query.error,
    buildInfo: info.data,
    buildInfoFailed: info.error !== null,
    routesMissing,
  });
}
