// Groups and their explicit members (group_members); renames and membership
// changes are audited in the same transaction.
import type { Group, ReducedUser } from "../../core/types";
import { groupAuditEntry } from "../../core/domain/audit";
import { writeAudit } from "./audit";
import type { Database, Queryable } from "./database";
import { GROUP_MEMBERSHIPS } from "./membership";
import { isUniqueViolation } from "./rows";
import type { Actor } from "./users";

interface GroupRow {
  id: string;
  organization_id: string;
  organization_name: string;
  organization_display_name: string;
  name: string;
  display_name: string;
  avatar_url: string;
  quota_allowance: number;
  source: "user" | "oidc";
}

export type GroupSummary = Pick<Group, "id" | "organization_id" | "name">;

const GROUP_FIELD_COLUMNS = ["name", "display_name", "avatar_url", "quota_allowance"] as const;

export type GroupFields = Partial<Pick<Group, (typeof GROUP_FIELD_COLUMNS)[number]>>;

const SELECT_GROUPS = `SELECT g.id, g.organization_id, o.name AS organization_name,
  o.display_name AS organization_display_name, g.name, g.display_name, g.avatar_url,
  g.quota_allowance, g.source
  FROM groups g JOIN organizations o ON o.id = g.organization_id`;

/**
 * The group as it is now, its row locked until the transaction ends. SHARE:
 * for a write that depends on its name or members (an override, an audit row
 * naming it), which a rename or a membership change (they take UPDATE) must
 * wait for, and which sees what they committed. UPDATE: writers of the group
 * itself queue up.
 */
export async function lockedGroup(
  tx: Queryable,
  id: string,
  mode: "SHARE" | "UPDATE",
): Promise<GroupSummary | undefined> {
  const [row] = await tx.query<GroupSummary>(`SELECT id, organization_id, name FROM groups WHERE id = $1 FOR ${mode}`, [
    id,
  ]);
  return row;
}

/** A PATCH adds someone who is in the group already (or names them twice): Coder refuses it whole. */
export class DuplicateMemberError extends Error {
  constructor() {
    super("duplicate group member");
  }
}

export class Groups {
  constructor(private readonly db: Database) {}

  /** The group without its members: enough to check access and to audit. */
  async summary(id: string): Promise<GroupSummary | undefined> {
    const [row] = await this.db.query<GroupSummary>("SELECT id, organization_id, name FROM groups WHERE id = $1", [id]);
    return row;
  }

  async inOrganization(organizationId: string): Promise<Group[]> {
    const rows = await this.db.query<GroupRow>(
      `${SELECT_GROUPS} WHERE g.organization_id = $1 ORDER BY g.name COLLATE "C"`,
      [organizationId],
    );
    return withMembers(this.db, rows);
  }

  async byName(organizationId: string, name: string): Promise<Group | undefined> {
    const rows = await this.db.query<GroupRow>(`${SELECT_GROUPS} WHERE g.organization_id = $1 AND g.name = $2`, [
      organizationId,
      name,
    ]);
    return (await withMembers(this.db, rows))[0];
  }

  async byId(id: string, q: Queryable = this.db): Promise<Group | undefined> {
    const rows = await q.query<GroupRow>(`${SELECT_GROUPS} WHERE g.id = $1`, [id]);
    return (await withMembers(q, rows))[0];
  }

  /**
   * Updates the given fields and members, audits what changed, and answers the
   * group as saved, all in one transaction; throws a unique violation for a taken name,
   * and DuplicateMemberError for a user who is a member already.
   */
  async update(
    id: string,
    fields: GroupFields,
    memberChanges: { add: string[]; remove: string[] },
    actor: Actor,
  ): Promise<Group | undefined> {
    return this.db.transaction(async (tx) => {
      const [before] = await tx.query<GroupRow>(
        "SELECT id, organization_id, name, display_name, avatar_url, quota_allowance FROM groups WHERE id = $1 FOR UPDATE",
        [id],
      );
      if (!before) return undefined;
      const sets: string[] = [];
      const params: unknown[] = [id];
      const changed: Record<string, { old: unknown; new: unknown }> = {};
      for (const column of GROUP_FIELD_COLUMNS) {
        const value = fields[column];
        if (value === undefined) continue;
        params.push(value);
        sets.push(`${column} = $${params.length}`);
        changed[column] = { old: column === "quota_allowance" ? Number(before[column]) : before[column], new: value };
      }
      if (sets.length > 0) await tx.query(`UPDATE groups SET ${sets.join(", ")} WHERE id = $1`, params);
      // As Coder's plain INSERT: adding someone already in the group refuses the whole PATCH.
      const adding = memberChanges.add.map((userId) => userId.toLowerCase());
      const already = await tx.query("SELECT 1 FROM group_members WHERE group_id = $1 AND user_id = ANY($2::uuid[])", [
        id,
        adding,
      ]);
      if (already.length > 0 || new Set(adding).size < adding.length) throw new DuplicateMemberError();
      const added: string[] = [];
      for (const userId of adding) {
        const [row] = await tx
          .query<{ username: string }>(
            `WITH inserted AS (
               INSERT INTO group_members (group_id, user_id) VALUES ($1, $2) RETURNING user_id
             ) SELECT u.username FROM inserted JOIN users u ON u.id = inserted.user_id`,
            [id, userId],
          )
          .catch((error: unknown) => {
            // Another admin added them a moment ago.
            throw isUniqueViolation(error) ? new DuplicateMemberError() : error;
          });
        if (row) added.push(row.username);
      }
      const removed: string[] = [];
      for (const userId of memberChanges.remove) {
        const [row] = await tx.query<{ username: string }>(
          `WITH deleted AS (
             DELETE FROM group_members WHERE group_id = $1 AND user_id = $2 RETURNING user_id
           ) SELECT u.username FROM deleted JOIN users u ON u.id = deleted.user_id`,
          [id, userId],
        );
        if (row) removed.push(row.username);
        // As in Coder, an override must name a group its user is in: leaving the group removes it.
        await tx.query("DELETE FROM user_ai_budget_overrides WHERE group_id = $1 AND user_id = $2", [id, userId]);
      }
      const group = { id, name: fields.name ?? before.name, organization_id: before.organization_id };
      const entry = groupAuditEntry(actor.username, group, { fields: changed, added, removed });
      if (entry) await writeAudit(tx, actor, entry);
      return this.byId(id, tx);
    });
  }
}

/**
 * Each group with its members. The database builds the member list as one
 * JSON text: for a 10,000-member group that is about twice as fast as
 * turning 10,000 rows into objects here, and it holds the event loop less.
 */
async function withMembers(q: Queryable, rows: GroupRow[]): Promise<Group[]> {
  return Promise.all(
    rows.map(async (row) => {
      const [list] = await q.query<{ members: string }>(
        `SELECT coalesce(json_agg(json_build_object(
           'id', id, 'username', username, 'email', email, 'name', name, 'avatar_url', avatar_url, 'status', status,
           'created_at', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'last_seen_at', to_char(last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
         ) ORDER BY username), '[]')::text AS members
         FROM users WHERE id IN (SELECT m.user_id FROM ${GROUP_MEMBERSHIPS} m WHERE m.group_id = $1)`,
        [row.id],
      );
      const members = JSON.parse(list!.members) as ReducedUser[];
      return { ...row, quota_allowance: Number(row.quota_allowance), members, total_member_count: members.length };
    }),
  );
}
