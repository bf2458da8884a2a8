import { startEarly } from "../api/earlyRequests";
import { BUILD_INFO_PATH, ENTITLEMENTS_PATH, groupPath, groupsPath, ME_PATH } from "../api/paths";
import { locate } from "./locations";

/**
 * The first wave of the page at `pathname`, as prefetchForLocation asks for
 * it, sent now: before the API client, the query cache and React load.
 */
export function startEarlyRequests(pathname: string): void {
  const location = locate(pathname);
  if (location?.page === "login") return;
  startEarly(ME_PATH);
  startEarly(ENTITLEMENTS_PATH);
  startEarly(BUILD_INFO_PATH);
  switch (location?.page) {
    case "groupSettings":
    case "group":
      return startEarly(groupPath(location.organization, location.groupName));
    case "groups":
      return startEarly(groupsPath(location.organization));
  }
}
