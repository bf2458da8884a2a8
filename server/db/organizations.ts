// Organizations and who belongs to them, with which roles.
import type { Queryable } from "./database";

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
}
