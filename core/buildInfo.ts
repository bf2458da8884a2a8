// Which Coder versions have the AI budget routes, read from `GET /buildinfo`.

/** Cost control (group AI budgets) arrived in Coder v2.36. */
export const AI_BUDGETS_MIN_VERSION = { major: 2, minor: 36 } as const;
export const AI_BUDGETS_MIN_VERSION_TEXT = `v${AI_BUDGETS_MIN_VERSION.major}.${AI_BUDGETS_MIN_VERSION.minor}`;

/** The version the embedded backend reports: the one whose API it speaks. */
export const EMBEDDED_BACKEND_VERSION = "v2.36.0+embedded";

/** Major and minor of a Coder version such as `v2.35.4+0a1b2c3`; undefined for anything else. */
export function parseCoderVersion(version: string): { major: number; minor: number } | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(version.trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

/**
 * Whether a deployment of this version has AI budgets: false only for a
 * release known to be older. Development builds (v0.0.0-devel) and versions
 * that do not parse are given the benefit of the doubt; a budget route that
 * answers "Route not found." settles it then.
 */
export function versionHasAIBudgets(version: string | undefined): boolean {
  const parsed = version === undefined ? undefined : parseCoderVersion(version);
  if (!parsed || (parsed.major === 0 && parsed.minor === 0)) return true;
  const { major, minor } = AI_BUDGETS_MIN_VERSION;
  return parsed.major > major || (parsed.major === major && parsed.minor >= minor);
}
