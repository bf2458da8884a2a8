// Checks of what reaches the API before any route reads it: a path that
// names nothing, text no database column can take, an address too long to be
// an email. The embedded server's edge guards and the MSW mock backend both
// make them, so both refuse the same requests the same way.

// NUL cannot be stored in PostgreSQL text; a lone surrogate is not text at all.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this looks for.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isUnstorableText = (text: string) => UNSTORABLE.test(text);

export const INVALID_PATH_MESSAGE = "The request path is not valid.";

/**
 * Why a request path names nothing: it does not decode, or it holds control
 * characters or text that cannot be stored. The server and the mocks answer
 * such a path 400 before any route sees it.
 */
export function hostilePathProblem(rawPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return "It is not well-formed percent-encoding.";
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  return /[\u0000-\u001f\u007f]/.test(decoded) || isUnstorableText(decoded)
    ? "It contains control characters."
    : undefined;
}

export const INVALID_QUERY_MESSAGE = "Query parameters have invalid values.";

/**
 * The query parameters whose name or value, decoded, holds text that cannot
 * be stored (`q=%00`): a search or filter with it would reach the database
 * and fail there. The server and the mocks answer 400 before any route.
 */
export function hostileQueryProblems(search: string): { field: string; detail: string }[] {
  const problems: { field: string; detail: string }[] = [];
  for (const [key, value] of new URLSearchParams(search)) {
    if (isUnstorableText(key) || isUnstorableText(value))
      problems.push({ field: key, detail: `Query param "${key}" holds text that cannot be stored.` });
  }
  return problems;
}

/** Where in a parsed JSON body a string (or key) holds text that cannot be stored: its path, or undefined. */
export function unstorableTextIn(value: unknown, path = "body", depth = 0): string | undefined {
  if (typeof value === "string") return isUnstorableText(value) ? path : undefined;
  if (depth > 32 || value === null || typeof value !== "object") return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = `${path}.${key}`;
    if (isUnstorableText(key)) return itemPath;
    const found = unstorableTextIn(item, itemPath, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** RFC 5321 allows 254 characters in an address; anything far longer is not an email. */
export const MAX_EMAIL_LENGTH = 320;

export const impossibleEmail = (email: unknown) => typeof email === "string" && email.length > MAX_EMAIL_LENGTH;
