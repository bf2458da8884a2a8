import { startEarly } from "../../api/earlyRequests";
import { firstRequests } from "../routeTable";

/**
 * The first requests of the page at `pathname`, from the route table, sent
 * now: before the API client, the query cache and React load. The route's
 * loader asks for the same queries later and takes these answers.
 */
export function startEarlyRequests(pathname: string): void {
  for (const request of firstRequests(pathname)) startEarly(request.path);
}
