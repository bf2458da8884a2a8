// Coder's paginated group members (`GET /groups/{group}/members`): its query
// (`q` in the users filter's words, `limit`, `offset`), and the order and
// matching its SQL uses (GetGroupMembersByGroupIDPaginated), written once so
// the embedded server's SQL and the MSW handlers page alike.
import type { ApiResponse, GroupMember, UserStatus } from "../types";
import type { Checked } from "../requestChecks";

export interface MembersFilter {
  /** Free text, matched within the username or the email, ignoring case. */
  search: string;
  /** `status:active` and the like; empty for any status. */
  statuses: UserStatus[];
}

export interface MembersQuery extends MembersFilter {
  /** 0 asks for every match, as in Coder. */
  limit: number;
  offset: number;
}

const STATUSES: readonly UserStatus[] = ["active", "suspended", "dormant"];
const WHOLE_NUMBER = /^\d{1,9}$/;

const invalid = (message: string, validations: NonNullable<ApiResponse["validations"]>) =>
  ({ ok: false, status: 400, body: { message, validations } }) as const;

/** Reads Coder's users filter: `key:value` terms (only `status` here) and free text for the rest. */
export function parseMembersFilter(q: string): Checked<MembersFilter> {
  const words: string[] = [];
  const statuses: UserStatus[] = [];
  const validations: NonNullable<ApiResponse["validations"]> = [];
  for (const term of q.trim().split(/\s+/).filter(Boolean)) {
    const colon = term.indexOf(":");
    if (colon < 0) {
      words.push(term);
      continue;
    }
    const [key, value] = [term.slice(0, colon).toLowerCase(), term.slice(colon + 1).toLowerCase()];
    if (key !== "status") {
      validations.push({ field: key, detail: `"${key}" is not a valid query param` });
    } else if (!STATUSES.includes(value as UserStatus)) {
      validations.push({ field: "status", detail: `Query param "status" has invalid value: "${value}"` });
    } else {
      statuses.push(value as UserStatus);
    }
  }
  if (validations.length > 0) return invalid("Invalid user search query.", validations);
  return { ok: true, value: { search: words.join(" "), statuses } };
}

/** The whole query string: `q`, `limit` and `offset` only, each well formed. */
export function checkMembersQuery(query: URLSearchParams): Checked<MembersQuery> {
  const validations: NonNullable<ApiResponse["validations"]> = [];
  const number = (name: string): number => {
    const value = query.get(name);
    if (value === null || value === "") return 0;
    if (!WHOLE_NUMBER.test(value)) {
      validations.push({ field: name, detail: `Query param "${name}" must be a valid integer 0 or more` });
      return 0;
    }
    return Number(value);
  };
  const limit = number("limit");
  const offset = number("offset");
  for (const key of new Set(query.keys())) {
    if (!["q", "limit", "offset"].includes(key)) {
      validations.push({ field: key, detail: `"${key}" is not a valid query param` });
    }
  }
  if (validations.length > 0) return invalid("Query parameters have invalid values.", validations);
  const filter = parseMembersFilter(query.get("q") ?? "");
  if (!filter.ok) return filter;
  return { ok: true, value: { ...filter.value, limit, offset } };
}

/** Coder's order: lowercased username (then id, so equal names page the same way on both backends). */
export function compareMembers(
  a: Pick<GroupMember, "id" | "username">,
  b: Pick<GroupMember, "id" | "username">,
): number {
  const [x, y] = [a.username.toLowerCase(), b.username.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function matchesMembersFilter(member: GroupMember, filter: MembersFilter): boolean {
  const search = filter.search.toLowerCase();
  const found =
    search === "" || member.username.toLowerCase().includes(search) || member.email.toLowerCase().includes(search);
  return found && (filter.statuses.length === 0 || filter.statuses.includes(member.status));
}

/** One page of `members` as the endpoint answers it: matches in order, and how many match. */
export function pageOfMembers(members: GroupMember[], query: MembersQuery): { users: GroupMember[]; count: number } {
  const matching = members.filter((m) => matchesMembersFilter(m, query)).sort(compareMembers);
  const end = query.limit === 0 ? undefined : query.offset + query.limit;
  return { users: matching.slice(query.offset, end), count: matching.length };
}
