// API paths that more than the axios client builds: the early requests in
// main.ts must ask for exactly what the client will ask for.

/** A template tag that URL-encodes every interpolated part. */
export const apiPath = (strings: TemplateStringsArray, ...parts: string[]): string =>
  strings.reduce(
    (url, text, index) => url + text + (index < parts.length ? encodeURIComponent(parts[index] ?? "") : ""),
    "",
  );

export const ME_PATH = "/api/v2/users/me";
export const ENTITLEMENTS_PATH = "/api/v2/entitlements";
export const BUILD_INFO_PATH = "/api/v2/buildinfo";
export const AUTH_METHODS_PATH = "/api/v2/users/authmethods";
export const ORGANIZATIONS_PATH = "/api/v2/organizations";
export const groupsApiPath = (organization: string) => apiPath`/api/v2/organizations/${organization}/groups`;
export const groupApiPath = (organization: string, groupName: string) =>
  apiPath`/api/v2/organizations/${organization}/groups/${groupName}`;
/** Coder's paginated group members (`{users, count}`), with `q`, `limit` and `offset`. */
export const groupMembersApiPath = (groupId: string) => apiPath`/api/v2/groups/${groupId}/members`;
/** Coder's paginated organization members (`{members, count}`), with `q`, `limit` and `offset`. */
export const organizationMembersApiPath = (organization: string) =>
  apiPath`/api/v2/organizations/${organization}/paginated-members`;
