// Per-user budgets (user_ai_budget_overrides), each charged to one of the
// user's groups; every change is audited as money with the group's name.
import type { UserAIBudgetOverride } from "../../core/types";
import { overrideAuditEntry } from "../../core/domain/audit";
import { writeAudit } from "./audit";
import type { Database } from "./database";
import { lockedGroup } from "./groups";
import { GROUP_MEMBERSHIPS } from "./membership";
import { iso, limitMicros } from "./rows";
import type { Actor } from "./users";

interface OverrideRow {
  user_id: string;
  group_id: string;
  spend_limit_micros: string | number;
  created_at: Date;
  updated_at: Date;
}

const toOverride = (row: OverrideRow): UserAIBudgetOverride => ({
  user_id: row.user_id,
  group_id: row.group_id,
  spend_limit_micros: limitMicros(row.spend_limit_micros),
  created_at: iso(row.created_at),
  updated_at: iso(row.updated_at),
});

export class Overrides {
  constructor(private readonly db: Database) {}

  async of(userId: string): Promise<UserAIBudgetOverride | undefined> {
    const [row] = await this.db.query<OverrideRow>("SELECT * FROM user_ai_budget_overrides WHERE user_id = $1", [
      userId,
    ]);
    return row && toOverride(row);
  }

  /**
   * Sets the override and audits it in one transaction; "not a member" when
   * the user is not (or no longer) in the group, undefined when the group is
   * gone. The group is locked first: a membership change or a rename of it
   * (which lock it for update) waits until this commits, or this sees what it
   * committed. So no override is left charged to a group its user just left,
   * and the audit row names the group as it is called now.
   */
  async upsert(
    user: Actor,
    groupId: string,
    micros: number,
    actor: Actor,
  ): Promise<UserAIBudgetOverride | "not a member" | undefined> {
    return this.db.transaction(async (tx) => {
      const group = await lockedGroup(tx, groupId, "SHARE");
      if (!group) return undefined;
      const member = await tx.query(`SELECT 1 FROM ${GROUP_MEMBERSHIPS} m WHERE m.group_id = $1 AND m.user_id = $2`, [
        group.id,
        user.id,
      ]);
      if (member.length === 0) return "not a member";
      const [previous] = await tx.query<{ spend_limit_micros: string; group_name: string }>(
        `SELECT o.spend_limit_micros, g.name AS group_name FROM user_ai_budget_overrides o JOIN groups g ON g.id = o.group_id
         WHERE o.user_id = $1 FOR UPDATE OF o`,
        [user.id],
      );
      const [row] = await tx.query<OverrideRow>(
        `INSERT INTO user_ai_budget_overrides (user_id, group_id, spend_limit_micros) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET group_id = EXCLUDED.group_id,
           spend_limit_micros = EXCLUDED.spend_limit_micros, updated_at = clock_timestamp()
         RETURNING *`,
        [user.id, group.id, micros],
      );
      const old = previous && {
        spend_limit_micros: limitMicros(previous.spend_limit_micros),
        group_name: previous.group_name,
      };
      const now = { spend_limit_micros: micros, group_name: group.name };
      await writeAudit(tx, actor, overrideAuditEntry(actor.username, user, group.organization_id, old, now));
      return toOverride(row!);
    });
  }

  /** Removes the override and audits it; false when there was none. */
  async remove(user: Actor, actor: Actor): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [deleted] = await tx.query<{ spend_limit_micros: string; group_name: string; organization_id: string }>(
        `DELETE FROM user_ai_budget_overrides o USING groups g WHERE o.user_id = $1 AND g.id = o.group_id
         RETURNING o.spend_limit_micros, g.name AS group_name, g.organization_id`,
        [user.id],
      );
      if (!deleted) return false;
      const old = { spend_limit_micros: limitMicros(deleted.spend_limit_micros), group_name: deleted.group_name };
      await writeAudit(tx, actor, overrideAuditEntry(actor.username, user, deleted.organization_id, old, undefined));
      return true;
    });
  }
}
