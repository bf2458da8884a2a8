// The audit log: one row per change, written inside the change's own transaction.
import { randomUUID } from "node:crypto";
import type { AuditLog } from "../../core/types";
import type { AuditEntry } from "../../core/domain/audit";
import type { AuditFilter } from "../../core/domain/auditQuery";
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

  /**
   * The newest rows first; with a list of organizations, only theirs; only
   * those that pass Coder's audit search filter (`organization` resolved to an id).
   */
  async page(
    limit: number,
    offset: number,
    organizations: "all" | string[],
    filter: AuditFilter = {},
    viewerId = "",
  ): Promise<{ logs: AuditLog[]; count: number }> {
    const only = organizations === "all" ? null : organizations;
    const me = filter.username === "me";
    // One parameter list for the page and the count: $1 organizations, then each filter (null: no filter).
    const params = [
      only,
      filter.resource_type ?? null,
      filter.resource_id ?? null,
      filter.resource_target ?? null,
      filter.organization ?? null,
      filter.action ?? null,
      me ? null : (filter.username ?? null),
      me ? viewerId : null,
      filter.email ?? null,
      filter.date_from === undefined ? null : new Date(filter.date_from),
      filter.date_to === undefined ? null : new Date(filter.date_to),
      // No request ids or builds are recorded here: either filter matches nothing.
      filter.request_id !== undefined || filter.build_reason !== undefined,
    ];
    const where = `($1::uuid[] IS NULL OR a.organization_id = ANY($1::uuid[]))
       AND ($2::text IS NULL OR a.resource_type = $2)
       AND ($3::uuid IS NULL OR a.resource_id = $3)
       AND ($4::text IS NULL OR a.resource_target = $4)
       AND ($5::uuid IS NULL OR a.organization_id = $5)
       AND ($6::text IS NULL OR a.action = $6)
       AND ($7::text IS NULL OR lower(a.username) = $7)
       AND ($8::uuid IS NULL OR a.user_id = $8)
       AND ($9::text IS NULL OR lower(u.email) = $9)
       AND ($10::timestamptz IS NULL OR a.time >= $10)
       AND ($11::timestamptz IS NULL OR a.time <= $11)
       AND NOT $12::boolean`;
    const rows = await this.db.query<AuditLog & { time: Date }>(
      `SELECT a.id, a.time, a.action, a.resource_type, a.resource_id, a.resource_target, a.user_id, a.username,
         a.organization_id, a.diff, a.description, a.status_code
       FROM audit_logs a LEFT JOIN users u ON u.id = a.user_id
       WHERE ${where}
       ORDER BY a.seq DESC LIMIT $13 OFFSET $14`,
      [...params, limit, offset],
    );
    const [{ count } = { count: 0 }] = await this.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM audit_logs a LEFT JOIN users u ON u.id = a.user_id WHERE ${where}`,
      params,
    );
    return { logs: rows.map((r) => ({ ...r, time: iso(r.time) })), count };
  }
}
