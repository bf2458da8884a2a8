// Budget versions travel as HTTP validators: the server sends an ETag with each
// budget, and a writer sends If-Match (or If-None-Match: * when it saw none), so
// a write made on stale information is refused instead of silently winning.

export const budgetETag = (version: number): string => `"${version}"`;

/** The version in an ETag such as "42" or W/"42", or undefined. */
export function versionOfETag(etag: string | null | undefined): number | undefined {
  const match = etag ? /^(?:W\/)?"(\d+)"$/.exec(etag.trim()) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * The versions an If-Match list names (`"3", "7"`): the write may go ahead if
 * the stored version is any of them. Tags that name no version we made are
 * dropped, so a list of only those can never hold.
 */
export function versionsOfIfMatch(header: string): number[] {
  return header
    .split(",")
    .slice(0, 64)
    .map((tag) => versionOfETag(tag))
    .filter((version): version is number => version !== undefined);
}

/** Request headers for a write made by someone who saw `etag` (null: saw no budget). */
export function preconditionHeaders(etag: string | null): Record<string, string> {
  return etag === null ? { "If-None-Match": "*" } : { "If-Match": etag };
}

/** What a write's If-Match / If-None-Match ask of the stored budget; undefined: nothing. */
export type BudgetPrecondition = { versions: number[] } | { absent: true } | { present: true } | undefined;

/**
 * If-Match / If-None-Match as a precondition, as both backends read them:
 * `If-None-Match: *` (no budget may be stored) wins, then `If-Match: *` (one
 * must be), then a list of versions; an If-Match naming no version we made can never hold.
 */
export function preconditionOf(
  ifMatch: string | null | undefined,
  ifNoneMatch: string | null | undefined,
): BudgetPrecondition {
  if (ifNoneMatch?.trim() === "*") return { absent: true };
  const match = ifMatch?.trim();
  if (match === undefined) return undefined;
  if (match === "*") return { present: true };
  return { versions: versionsOfIfMatch(match) };
}

/** Whether the precondition holds for the stored version (undefined: no budget stored). */
export function preconditionHolds(precondition: BudgetPrecondition, storedVersion: number | undefined): boolean {
  if (!precondition) return true;
  if ("absent" in precondition) return storedVersion === undefined;
  if ("present" in precondition) return storedVersion !== undefined;
  return storedVersion !== undefined && precondition.versions.includes(storedVersion);
}
