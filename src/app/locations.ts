// The app's own URLs, without the router: which page a path names (the boot
// code uses this to start a page's requests before React and the router
// load), and the sign-in page's.

export type AppLocation =
  | { page: "login" }
  | { page: "groups"; organization: string }
  | { page: "group"; organization: string; groupName: string }
  | { page: "groupSettings"; organization: string; groupName: string };

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/** The page at `pathname`, or undefined for any other path. A trailing slash is allowed. */
export function locate(pathname: string): AppLocation | undefined {
  const segments = pathname.replace(/\/$/, "").split("/").slice(1).map(decode);
  if (segments.some((s) => s === undefined || s === "")) return undefined;
  const [first, organization, groups, groupName, tab, ...rest] = segments as string[];
  if (first === "login" && segments.length === 1) return { page: "login" };
  if (first !== "organizations" || groups !== "groups" || rest.length > 0 || !organization) return undefined;
  if (groupName === undefined) return { page: "groups", organization };
  if (tab === undefined) return { page: "group", organization, groupName };
  if (tab === "settings") return { page: "groupSettings", organization, groupName };
  return undefined;
}

/** The sign-in page, told where to send the admin back to. */
export const loginPath = (returnTo: string) => `/login?redirect=${encodeURIComponent(returnTo)}`;
