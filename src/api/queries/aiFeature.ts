// "Is AI on here?", answered in one place: the pages (through
// useAIFeatureVisible), the loaders and the prefetch (aiBudgetsCertain), and
// the query client (isMissingAIRoute) all ask this module. AI budgets are on
// when the deployment's entitlements enable the `aibridge` feature, its
// version has the budget routes, and no AI route has answered "Route not
// found." (a deployment without cost control, whatever its version says).
import { isCancelledError, type QueryClient } from "@tanstack/react-query";
import { isAxiosError } from "axios";
import { AI_BUDGETS_MIN_VERSION_TEXT, versionHasAIBudgets } from "../../../core/buildInfo";
import { AI_FEATURE, type BuildInfoResponse, type Entitlements } from "../../../core/types";
import { isRouteNotFound } from "../errors";
import { buildInfo } from "./deployment";
import { entitlements } from "./entitlements";
import { queryKeys } from "./keys";

export interface AIFeature {
  /** Entitled, on a version that has AI budgets; undefined while unknown. */
  visible: boolean | undefined;
  error: unknown;
  /** The deployment's version, when it is a release older than AI budgets. */
  tooOldVersion?: string;
  /** An AI route answered "Route not found.": whatever the version says, the deployment has none. */
  routesMissing: boolean;
  /** Why the AI section is off on a deployment that could have it: too old, or without the routes. */
  unavailableReason?: string;
}

/** What is known so far about the deployment. */
export interface AIEvidence {
  entitlements: Entitlements | undefined;
  entitlementsError?: unknown;
  buildInfo: BuildInfoResponse | undefined;
  /** The version could not be read: it does not hide AI budgets (the routes' answers will tell). */
  buildInfoFailed: boolean;
  routesMissing: boolean;
}

const ROUTES_MISSING = `AI budgets need Coder ${AI_BUDGETS_MIN_VERSION_TEXT} or later with cost control; this deployment has no AI budget routes.`;

/** The one decision. A version that cannot be read does not hide AI budgets; a missing route does. */
export function decideAIFeature(evidence: AIEvidence): AIFeature {
  const version = evidence.buildInfo?.version;
  const tooOld = version !== undefined && !versionHasAIBudgets(version);
  const versionKnown = evidence.buildInfo !== undefined || evidence.buildInfoFailed;
  const entitled = Boolean(evidence.entitlements?.features[AI_FEATURE]?.enabled);
  const unavailableReason = tooOld
    ? `AI budgets need Coder ${AI_BUDGETS_MIN_VERSION_TEXT} or later; this deployment runs ${version}.`
    : evidence.routesMissing
      ? ROUTES_MISSING
      : undefined;
  return {
    visible: evidence.entitlements && versionKnown ? entitled && !tooOld && !evidence.routesMissing : undefined,
    error: evidence.entitlementsError ?? null,
    routesMissing: evidence.routesMissing,
    ...(tooOld ? { tooOldVersion: version } : {}),
    ...(unavailableReason ? { unavailableReason } : {}),
  };
}

/** The decision once an AI request of the page itself has answered: "Route not found." turns it off. */
export const withAIAnswer = (feature: AIFeature, error: unknown): AIFeature =>
  feature.routesMissing || !isRouteNotFound(error)
    ? feature
    : {
        ...feature,
        visible: false,
        routesMissing: true,
        unavailableReason: feature.unavailableReason ?? ROUTES_MISSING,
      };

/** An AI route the deployment does not have ("Route not found." under /ai/): every page stops asking. */
export const isMissingAIRoute = (error: unknown): boolean =>
  isRouteNotFound(error) && isAxiosError(error) && Boolean(error.config?.url?.includes("/ai/"));

/** The data, or undefined if it cannot be had; a fetch cancelled under it (its page left) is asked again. */
const settled = <T>(load: () => Promise<T>): Promise<T | undefined> =>
  load()
    .catch((error: unknown) => (isCancelledError(error) ? load() : Promise.reject(error)))
    .catch(() => undefined);

/**
 * For loaders and prefetch: AI budgets are certainly on. Unlike the pages,
 * an unreadable version prefetches nothing: the page asks once it knows.
 */
export async function aiBudgetsCertain(queryClient: QueryClient): Promise<boolean> {
  const [features, info] = await Promise.all([
    settled(() => queryClient.ensureQueryData(entitlements())),
    settled(() => queryClient.ensureQueryData(buildInfo())),
  ]);
  const routesMissing = queryClient.getQueryData<boolean>(queryKeys.aiRoutesMissing) ?? false;
  return (
    info !== undefined &&
    decideAIFeature({ entitlements: features, buildInfo: info, buildInfoFailed: false, routesMissing }).visible === true
  );
}
