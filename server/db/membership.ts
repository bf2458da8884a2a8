// Who is in which group. Coder's Everyone group has the organization's id and
// holds every organization member; every query that asks about group members
// goes through this one fragment.
import type { Queryable } from "./database";

/** Every (group, organization, user) membership, Everyone groups expanded. */
export const GROUP_MEMBERSHIPS = `(
  SELECT gm.group_id, g.organization_id, gm.user_id FROM group_members gm JOIN groups g ON g.id = gm.group_id
  UNION SELECT om.organization_id AS group_id, om.organization_id, om.user_id FROM organization_members om
)`;

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
}
