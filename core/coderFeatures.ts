// Which of Coder's later spend endpoints a deployment has, read from its
// version (`GET /buildinfo`), so that the app never asks a deployment for an
// endpoint it lacks. The exact release of each endpoint could not be
// confirmed (docs/coder-conformance.md): the safest reading is taken, that all
// of them arrived with v2.40's request organizations. Older releases, and
// builds whose version says nothing (v0.0.0-devel), keep v2.36's paths, which
// every later release still serves.
import { parseCoderVersion } from "./buildInfo";

export const NEWEST_SPEND_API_VERSION = { major: 2, minor: 40 } as const;

export interface CoderSpendFeatures {
  /** `GET /groups/{g}/ai/spend`. */
  groupSpend: boolean;
  /** `GET /users/{u}/ai/spend/organizations`, and budgets decided per request organization. */
  requestOrganizations: boolean;
  /** The per-user spend report, paged on the server, and the export's server-side filters. */
  spendUsersReport: boolean;
}

/** This app's own backend serves every endpoint it knows, whatever release it reports. */
const isEmbedded = (version: string) => /\+embedded$/.test(version.trim());

export function coderSpendFeatures(version: string | undefined): CoderSpendFeatures {
  const parsed = version === undefined ? undefined : parseCoderVersion(version);
  const { major, minor } = NEWEST_SPEND_API_VERSION;
  const newest =
    (version !== undefined && isEmbedded(version)) ||
    (parsed !== undefined && (parsed.major > major || (parsed.major === major && parsed.minor >= minor)));
  return { groupSpend: newest, requestOrganizations: newest, spendUsersReport: newest };
}
