// Organizations and who belongs to them, with which roles.
import type { MembersQuery } from "../../core/domain/groupMembersQuery";
import type { Queryable } from "./database";

/** An organization member with their user's fields, before roles get display names. */
export interface OrganizationMemberRow {
  user_id: string;
  username: string;
  name: string;
  email: string;
  avatar_url: string;
  roles: string[];
  site_roles: string[];
  created_at: string;
  updated_at: string;
}

export interface OrganizationRow {
  id: string;
  name: string;
  display_name: string;
  is_default: boolean;
}

export class Organizations {
  constructor(private readonly db: Queryable) {}

  /** By id, by name, or the default organization for "default", as Coder's organization parameter takes it. */
  async byName(name: string): Promise<OrganizationRow | undefined> {
    const [row] = await this.db.query<OrganizationRow>(
      `SELECT * FROM organizations WHERE id::text = lower($1) OR name = $1 OR ($1 = 'default' AND is_default)
       ORDER BY (id::text = lower($1)) DESC, (name = $1) DESC LIMIT 1`,
      [name],
    );
    return row;
  }

  /** Every organization, as `GET /organizations` answers them (the default first, then by name). */
  async all(): Promise<(OrganizationRow & { created_at: string })[]> {
    return this.db.query(
      `SELECT id, name, display_name, is_default,
         to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
       FROM organizations ORDER BY is_default DESC, name COLLATE "C"`,
    );
  }

  async membershipsOf(userId: string): Promise<{ organization_id: string; roles: string[] }[]> {
    return this.db.query("SELECT organization_id, roles FROM organization_members WHERE user_id = $1", [userId]);
  }

  /** The organizations a user belongs to, by name. */
  async ofUser(userId: string): Promise<OrganizationRow[]> {
    return this.db.query<OrganizationRow>(
      `SELECT o.* FROM organizations o JOIN organization_members m ON m.organization_id = o.id
       WHERE m.user_id = $1 ORDER BY o.name COLLATE "C"`,
      [userId],
    );
  }

  /** The organizations a user belongs to. */
  async idsOf(userId: string): Promise<string[]> {
    return (await this.membershipsOf(userId)).map((m) => m.organization_id);
  }

  /** Which of `userIds` are not members of the organization. */
  async notMembers(organizationId: string, userIds: string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db.query<{ user_id: string }>(
      "SELECT user_id FROM organization_members WHERE organization_id = $1 AND user_id = ANY($2::uuid[])",
      [organizationId, userIds],
    );
    const members = new Set(rows.map((r) => r.user_id));
    return userIds.filter((id) => !members.has(id.toLowerCase()));
  }

  /** One page of the organization's members matching the filter, in Coder's order, and how many match. */
  async membersPage(
    organizationId: string,
    query: MembersQuery,
  ): Promise<{ rows: OrganizationMemberRow[]; count: number }> {
    const matching = `FROM organization_members om JOIN users u ON u.id = om.user_id
      WHERE om.organization_id = $1
        AND ($2 = '' OR strpos(lower(u.username), lower($2)) > 0 OR strpos(lower(u.email), lower($2)) > 0)
        AND (cardinality($3::text[]) = 0 OR u.status = ANY($3::text[]))`;
    const params = [organizationId, query.search, query.statuses];
    const rows = await this.db.query<OrganizationMemberRow>(
      `SELECT u.id AS user_id, u.username, u.name, u.email, u.avatar_url, om.roles, u.site_roles,
         to_char(om.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
         to_char(om.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
       ${matching}
       ORDER BY lower(u.username) COLLATE "C", u.id
       OFFSET $4 LIMIT NULLIF($5::int, 0)`,
      [...params, query.offset, query.limit],
    );
    const [total] = await this.db.query<{ n: string }>(`SELECT count(*) AS n ${matching}`, params);
    return { rows, count: Number(total!.n) };
  }
}
