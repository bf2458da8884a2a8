// The checks of a group's fields that the settings form makes as the admin
// types and the API makes again (core/requestChecks.ts), by Coder's rules,
// so the form refuses exactly what the server would.

export const GROUP_NAME_PATTERN = /^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/;
export const GROUP_NAME_MAX_LENGTH = 32;
export const DISPLAY_NAME_MAX_LENGTH = 64;
export const QUOTA_ALLOWANCE_MAX = 2_147_483_647;

export function groupNameProblem(name: string): string | undefined {
  if (name === "") return "Name is required.";
  if (name.length > GROUP_NAME_MAX_LENGTH) return `Name must be at most ${GROUP_NAME_MAX_LENGTH} characters.`;
  if (!GROUP_NAME_PATTERN.test(name))
    return "Name may use letters, digits and single hyphens, and must start and end with a letter or digit.";
  return undefined;
}

export const AVATAR_URL_MAX_LENGTH = 2048;

export function avatarUrlProblem(url: string): string | undefined {
  if (url.length > AVATAR_URL_MAX_LENGTH) return `Avatar URL must be at most ${AVATAR_URL_MAX_LENGTH} characters.`;
  // "//host/x" and "/\\host/x" are other sites' addresses, not paths on this one.
  if (/^[/\\][/\\]/.test(url)) return "Avatar URL must be a path on this site or a full http:// or https:// address.";
  if (url === "" || url.startsWith("/")) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:"
      ? undefined
      : "Avatar URL must start with http:// or https://.";
  } catch {
    return "Avatar URL must be a full http:// or https:// address.";
  }
}

export function displayNameProblem(displayName: string): string | undefined {
  if (displayName.length > DISPLAY_NAME_MAX_LENGTH)
    return `Display name must be at most ${DISPLAY_NAME_MAX_LENGTH} characters.`;
  if (displayName !== displayName.trim()) return "Display name must not start or end with a space.";
  return undefined;
}
