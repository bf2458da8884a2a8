// Creating and deleting groups, each with its audit row in the same
// transaction. Deleting a group deletes, by the schema's cascades, its
// members, its budget, the overrides charged to it and the spend charged to
// it; the audit row names the budget and overrides that went.
import { randomUUID } from "node:crypto";
import type { CreateGroupRequest, Group } from "../../core/types";
import { groupCreatedAuditEntry, groupDeletedAuditEntry } from "../../core/domain/audit";
import { writeAudit } from "./audit";
import type { Database } from "./database";
import type { Groups } from "./groups";
import { GROUP_MEMBERSHIPS } from "./membership";
import type { Actor } from "./users";

/** Inserts the group and audits it; throws a unique violation for a name its organization already has. */
export async function createGroup(
  db: Database,
  groups: Groups,
  organizationId: string,
  fields: CreateGroupRequest,
  actor: Actor,
): Promise<Group> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO groups (id, organization_id, name, display_name, avatar_url, quota_allowance)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, organizationId, fields.name, fields.display_name, fields.avatar_url, fields.quota_allowance],
    );
    await writeAudit(
      tx,
      actor,
      groupCreatedAuditEntry(actor.username, { id, organization_id: organizationId, ...fields }),
    );
  });
  return (await groups.byId(id))!;
}

/** Deletes the group and audits what went with it; false when it was already gone (another admin's delete). */
export async function deleteGroup(db: Database, groupId: string, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [group] = await tx.query<{
      id: string;
      organization_id: string;
      name: string;
      display_name: string;
      avatar_url: string;
      quota_allowance: number;
    }>(
      "SELECT id, organization_id, name, display_name, avatar_url, quota_allowance FROM groups WHERE id = $1 FOR UPDATE",
      [groupId],
    );
    if (!group) return false;
    const members = await tx.query<{ username: string }>(
      `SELECT u.username FROM users u WHERE u.id IN (SELECT m.user_id FROM ${GROUP_MEMBERSHIPS} m WHERE m.group_id = $1)
       ORDER BY u.username COLLATE "C"`,
      [groupId],
    );
    const [budget] = await tx.query<{ spend_limit_micros: string }>(
      "SELECT spend_limit_micros FROM group_ai_budgets WHERE group_id = $1",
      [groupId],
    );
    const overrides = await tx.query<{ username: string }>(
      `SELECT u.username FROM user_ai_budget_overrides o JOIN users u ON u.id = o.user_id
       WHERE o.group_id = $1 ORDER BY u.username COLLATE "C"`,
      [groupId],
    );
    await tx.query("DELETE FROM groups WHERE id = $1", [groupId]);
    const entry = groupDeletedAuditEntry(
      actor.username,
      { ...group, quota_allowance: Number(group.quota_allowance), members: members.map((m) => m.username) },
      { budgetMicros: budget ? Number(budget.spend_limit_micros) : null, overrides: overrides.map((o) => o.username) },
    );
    await writeAudit(tx, actor, entry);
    return true;
  });
}
