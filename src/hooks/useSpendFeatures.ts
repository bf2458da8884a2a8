import { useQuery } from "@tanstack/react-query";
import { coderSpendFeatures, type CoderSpendFeatures } from "../../core/coderFeatures";
import { buildInfo } from "../api/queries/deployment";

/**
 * Which of Coder's later spend endpoints the deployment has, from its version;
 * undefined until the version is read. A version that cannot be read keeps
 * v2.36's paths, which every later release still serves.
 */
export function useSpendFeatures(): CoderSpendFeatures | undefined {
  const info = useQuery(buildInfo());
  if (info.data) return coderSpendFeatures(info.data.version);
  return info.error ? coderSpendFeatures(undefined) : undefined;
}
