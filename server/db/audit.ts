// The audit log: one row per change, written inside the change's own transaction.
import { randomUUID } from "node:crypto";
import type { AuditLog } from "../../core/types";
import type { AuditEntry } from "../../core/domain/audit";
import type { Queryable } from "./database";
import { iso } from "./rows";
import type { Actor } from "./users";

/** Writes one audit row; `tx` is the transaction of the change it records. */
export async function writeAudit(tx: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_logs (id, user_id, username, organization_id, action, resource_type, resource_id,
       resource_target, diff, description, status_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      randomUUID(),
      actor.id,
      actor.username,
      entry.organization_id,
      entry.action,
      entry.resource_type,
      entry.resource_id,
      entry.resource_target,
      JSON.stringify(entry.diff),
      entry.description,
      entry.status_code,
    ],
  );
}

export class AuditLogs {
  constructor(private readonly db: Queryable) {}

  /** The newest rows first; with a list of organizations, only theirs. */
  async page(
    limit: number,
    offset: number,
    organizations: "all" | string[],
  ): Promise<{ logs: AuditLog[]; count: number }> {
    const only = organizations === "all" ? null : organizations;
    const rows = await this.db.query<AuditLog & { time: Date }>(
      `SELECT id, time, action, resource_type, resource_id, resource_target, user_id, username,
         organization_id, diff, description, status_code
       FROM audit_logs WHERE ($3::uuid[] IS NULL OR organization_id = ANY($3::uuid[]))
       ORDER BY seq DESC LIMIT $1 OFFSET $2`,
      [limit, offset, only],
    );
    const [{ count } = { count: 0 }] = await this.db.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM audit_logs WHERE ($1::uuid[] IS NULL OR organization_id = ANY($1::uuid[]))",
      [only],
    );
    return { logs: rows.map((r) => ({ ...r, time: iso(r.time) })), count };
  }
}
