// What the groups list shows: Everyone first, the groups whose name or display
// name holds the search, a page of them at a time. Pure, so paging and search
// are tested without rendering.
import type { Group } from "../../../../core/types";

/** Coder's page size for its paginated tables. */
export const GROUPS_PAGE_SIZE = 25;

const isEveryone = (group: Pick<Group, "id" | "organization_id">) => group.id === group.organization_id;

/** The organization's Everyone group first, the rest in the order the server gave. */
export const everyoneFirst = (groups: readonly Group[]): Group[] => [
  ...groups.filter(isEveryone),
  ...groups.filter((g) => !isEveryone(g)),
];

/** Groups whose name or display name contains the search, ignoring case and surrounding spaces. */
export function matchingGroups(groups: readonly Group[], search: string): Group[] {
  const needle = search.trim().toLowerCase();
  if (!needle) return [...groups];
  return groups.filter((g) => g.name.toLowerCase().includes(needle) || g.display_name.toLowerCase().includes(needle));
}

export interface GroupsPage {
  rows: Group[];
  /** 1-based, within 1…pageCount. */
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last rows shown, for "Showing 26–40 of 40". */
  first: number;
  last: number;
  total: number;
}

/** The page asked for (a page past the end shows the last), of `size` rows. */
export function pageOfGroups(groups: readonly Group[], askedPage: number, size = GROUPS_PAGE_SIZE): GroupsPage {
  const pageCount = Math.max(1, Math.ceil(groups.length / size));
  const page = Number.isInteger(askedPage) ? Math.min(Math.max(askedPage, 1), pageCount) : 1;
  const start = (page - 1) * size;
  const rows = groups.slice(start, start + size);
  return { rows, page, pageCount, first: rows.length ? start + 1 : 0, last: start + rows.length, total: groups.length };
}
