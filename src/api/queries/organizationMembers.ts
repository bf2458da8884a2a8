// The organization's members, searched: whom the Add users dialog offers.
import { queryOptions } from "@tanstack/react-query";
import { API } from "../api";
import { queryKeys } from "./keys";

/** How many matches the Add users dialog lists at once, as Coder's user picker. */
export const MEMBER_PICKER_LIMIT = 25;

export const organizationMembers = (organization: string, search: string) =>
  queryOptions({
    queryKey: queryKeys.organizationMembers(organization, search),
    queryFn: ({ signal }) =>
      API.getOrganizationPaginatedMembers(organization, { q: search, limit: MEMBER_PICKER_LIMIT, offset: 0 }, signal),
  });
