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
