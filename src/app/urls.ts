// The app's own URLs (what the address bar shows), built in one place. The
// API's URLs are in api/paths.ts; none of these is one.

export const DEFAULT_ORGANIZATION: string = import.meta.env.VITE_DEFAULT_ORGANIZATION ?? "coder";

const encode = encodeURIComponent;

export const LOGIN_URL = "/login";
export const MY_AI_SPEND_URL = "/ai-spend";

/** The sign-in page, told where to send the admin back to. */
export const loginUrl = (returnTo: string) => `${LOGIN_URL}?redirect=${encode(returnTo)}`;

export const groupsUrl = (organization: string) => `/organizations/${encode(organization)}/groups`;
export const groupUrl = (organization: string, groupName: string) => `${groupsUrl(organization)}/${encode(groupName)}`;
export const groupSettingsUrl = (organization: string, groupName: string) =>
  `${groupUrl(organization, groupName)}/settings`;
export const groupHistoryUrl = (organization: string, groupName: string) =>
  `${groupUrl(organization, groupName)}/history`;
export const spendReportUrl = (organization: string) => `/organizations/${encode(organization)}/ai-spend`;
