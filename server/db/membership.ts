// Who is in which group. Coder's Everyone group has the organization's id and
// holds every organization member; every query that asks about group members
// goes through this one fragment.
import type { GroupMember } from "../../core/types";
import type { MembersQuery } from "../../core/domain/groupMembersQuery";
import type { Queryable } from "./database";

/** Every (group, organization, user) membership, Everyone groups expanded. */
export const GROUP_MEMBERSHIPS = `(
  SELECT gm.group_id, g.organization_id, gm.user_id FROM group_members gm JOIN groups g ON g.id = gm.group_id
  UNION SELECT om.organization_id AS group_id, om.organization_id, om.user_id FROM organization_members om
)`;

/** The group's ($1) members whose username or email holds $2 (any case), of the statuses in $3 (any when empty). */
const MATCHING_MEMBERS = `WHERE u.id IN (SELECT m.user_id FROM ${GROUP_MEMBERSHIPS} m WHERE m.group_id = $1)
  AND ($2 = '' OR strpos(lower(u.username), lower($2)) > 0 OR strpos(lower(u.email), lower($2)) > 0)
  AND (cardinality($3::text[]) = 0 OR u.status = ANY($3::text[]))`;

export class GroupMemberships {
  constructor(private readonly db: Queryable) {}

  async isMember(groupId: string, userId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM ${GROUP_MEMBERSHIPS} m WHERE m.group_id = $1 AND m.user_id = $2`, [
      groupId,
      userId,
    ]);
    return rows.length > 0;
  }

  /** Which of `userIds` are members of the group, without reading every member. */
  async membersAmong(groupId: string, userIds: string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ user_id: string }>(
      `SELECT m.user_id FROM ${GROUP_MEMBERSHIPS} m WHERE m.group_id = $1 AND m.user_id = ANY($2::uuid[])`,
      [groupId, userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /** The members of each listed group. */
  async membersOf(groupIds: string[]): Promise<Map<string, string[]>> {
    const members = new Map<string, string[]>(groupIds.map((id) => [id, []]));
    const rows = await this.db.query<{ group_id: string; user_id: string }>(
      `SELECT DISTINCT m.group_id, m.user_id FROM ${GROUP_MEMBERSHIPS} m WHERE m.group_id = ANY($1::uuid[])`,
      [groupIds],
    );
    for (const row of rows) members.get(row.group_id)?.push(row.user_id);
    return members;
  }

  /**
   * One page of the group's members matching the filter, in Coder's order
   * (lowercased username, then id), and how many match in all: one query,
   * whatever the group's size.
   */
  async page(groupId: string, query: MembersQuery): Promise<{ users: GroupMember[]; count: number }> {
    const rows = await this.db.query<GroupMember & { count: string }>(
      `SELECT u.id, u.username, u.email, u.name, u.avatar_url, u.status,
         to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
         to_char(u.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_seen_at,
         count(*) OVER () AS count
       FROM users u
       ${MATCHING_MEMBERS}
       ORDER BY lower(u.username) COLLATE "C", u.id
       OFFSET $4 LIMIT NULLIF($5::int, 0)`,
      [groupId, query.search, query.statuses, query.offset, query.limit],
    );
    // Past the last page there are no rows to carry the count: ask for it alone.
    const count =
      rows.length > 0 ? Number(rows[0]!.count) : query.offset > 0 ? await this.countMatching(groupId, query) : 0;
    return { users: rows.map(({ count: _count, ...member }) => member), count };
  }

  private async countMatching(groupId: string, query: MembersQuery): Promise<number> {
    const [row] = await this.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM users u
       ${MATCHING_MEMBERS}`,
      [groupId, query.search, query.statuses],
    );
    return Number(row!.n);
  }
}
