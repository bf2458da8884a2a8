import { useQuery } from "@tanstack/react-query";
import { versionHasAIBudgets } from "../../core/buildInfo";
import { aiRoutesMissing, buildInfo } from "../api/queries/deployment";
import { entitlements, isFeatureVisible } from "../api/queries/entitlements";
import { AI_FEATURE } from "../../core/types";

export interface AIFeature {
  /** Entitled, on a version that has AI budgets; undefined while unknown. */
  visible: boolean | undefined;
  error: unknown;
  /** The deployment's version, when it is a release older than AI budgets. */
  tooOldVersion?: string;
  /** An AI route answered "Route not found.": whatever the version says, the deployment has none. */
  routesMissing: boolean;
}

/**
 * Whether the deployment has AI budgets: its entitlements enable them and its
 * version has their routes. A version that cannot be read does not hide them;
 * the first AI route that answers "Route not found." does (see queryClient.ts).
 */
export function useAIFeatureVisible(): AIFeature {
  const query = useQuery(entitlements());
  const info = useQuery(buildInfo());
  // Only ever written by the query cache; never fetched.
  const routesMissing = useQuery({ ...aiRoutesMissing(), enabled: false, initialData: false }).data;
  const version = info.data?.version;
  const tooOld = version !== undefined && !versionHasAIBudgets(version);
  const versionKnown = info.data !== undefined || info.error !== null;
  return {
    visible:
      query.data && versionKnown ? isFeatureVisible(query.data, AI_FEATURE) && !tooOld && !routesMissing : undefined,
    error: query.error,
    routesMissing,
    ...(tooOld ? { tooOldVersion: version } : {}),
  };
}
