// Group AI budgets (group_ai_budgets), each with the version its ETag is made
// from; every change is audited in its own transaction.
import type { GroupAIBudget } from "../../core/types";
import { type BudgetPrecondition, preconditionHolds } from "../../core/versions";
import { budgetAuditEntry } from "../../core/domain/audit";
import { writeAudit } from "./audit";
import type { Database } from "./database";
import { lockedGroup, type GroupSummary } from "./groups";
import { GROUP_MEMBERSHIPS } from "./membership";
import { iso, limitMicros } from "./rows";
import type { Actor } from "./users";

interface BudgetRow {
  group_id: string;
  spend_limit_micros: string | number;
  version: string | number;
  created_at: Date;
  updated_at: Date;
}

/** A budget as stored, with the version its ETag is made from. */
export interface StoredBudget {
  budget: GroupAIBudget;
  version: number;
}

/** What the writer believes is stored: a version, no budget at all, or anything. */
export type { BudgetPrecondition };

export type BudgetWrite<T> = { ok: true; value: T } | { ok: false; current: StoredBudget | undefined };

const toStored = (row: BudgetRow): StoredBudget => ({
  budget: {
    group_id: row.group_id,
    spend_limit_micros: limitMicros(row.spend_limit_micros),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  },
  version: Number(row.version),
});

/** The precondition, as both backends check it (core/versions.ts), against the stored row. */
const holds = (precondition: BudgetPrecondition, current: BudgetRow | undefined): boolean =>
  preconditionHolds(precondition, current === undefined ? undefined : Number(current.version));

export class Budgets {
  constructor(private readonly db: Database) {}

  async of(groupId: string): Promise<StoredBudget | undefined> {
    const [row] = await this.db.query<BudgetRow>("SELECT * FROM group_ai_budgets WHERE group_id = $1", [groupId]);
    return row && toStored(row);
  }

  /**
   * The listed groups of `organizationId` with their budgets. With `readerId`,
   * only the groups that user is in (a reader who administers the
   * organization's groups passes none).
   */
  async ofGroups(
    organizationId: string,
    groupIds: string[],
    readerId: string | undefined,
  ): Promise<Map<string, number | null>> {
    const rows = await this.db.query<{ id: string; spend_limit_micros: string | number | null }>(
      `SELECT g.id, b.spend_limit_micros
       FROM groups g LEFT JOIN group_ai_budgets b ON b.group_id = g.id
       WHERE g.id = ANY($1::uuid[]) AND g.organization_id = $2
         AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM ${GROUP_MEMBERSHIPS} m WHERE m.group_id = g.id AND m.user_id = $3))`,
      [groupIds, organizationId, readerId ?? null],
    );
    return new Map(rows.map((r) => [r.id, r.spend_limit_micros === null ? null : limitMicros(r.spend_limit_micros)]));
  }

  /** Sets the budget and writes its audit row in one transaction, if the precondition holds. */
  async upsert(
    group: GroupSummary,
    spendLimitMicros: number,
    actor: Actor,
    precondition?: BudgetPrecondition,
  ): Promise<BudgetWrite<StoredBudget>> {
    return this.db.transaction(async (tx) => {
      // Lock the group so concurrent writers of one budget queue up and each
      // sees, checks and audits the value it really replaces, under the name
      // the group has now (a rename just committed included).
      const named = (await lockedGroup(tx, group.id, "UPDATE")) ?? group;
      const [previous] = await tx.query<BudgetRow>("SELECT * FROM group_ai_budgets WHERE group_id = $1", [group.id]);
      if (!holds(precondition, previous)) return { ok: false, current: previous && toStored(previous) };
      const [row] = await tx.query<BudgetRow>(
        `INSERT INTO group_ai_budgets (group_id, spend_limit_micros) VALUES ($1, $2)
         ON CONFLICT (group_id) DO UPDATE SET spend_limit_micros = EXCLUDED.spend_limit_micros,
           updated_at = clock_timestamp(), version = nextval('group_ai_budget_versions')
         RETURNING *`,
        [group.id, spendLimitMicros],
      );
      const oldMicros = previous ? limitMicros(previous.spend_limit_micros) : null;
      await writeAudit(tx, actor, budgetAuditEntry(actor.username, named, oldMicros, spendLimitMicros));
      return { ok: true, value: toStored(row!) };
    });
  }

  /** Removes the budget and audits it; `value` is false when there was none. */
  async remove(group: GroupSummary, actor: Actor, precondition?: BudgetPrecondition): Promise<BudgetWrite<boolean>> {
    return this.db.transaction(async (tx) => {
      const named = (await lockedGroup(tx, group.id, "UPDATE")) ?? group;
      const [current] = await tx.query<BudgetRow>("SELECT * FROM group_ai_budgets WHERE group_id = $1", [group.id]);
      if (current && !holds(precondition, current)) return { ok: false, current: toStored(current) };
      if (!current) return { ok: true, value: false };
      await tx.query("DELETE FROM group_ai_budgets WHERE group_id = $1", [group.id]);
      await writeAudit(
        tx,
        actor,
        budgetAuditEntry(actor.username, named, limitMicros(current.spend_limit_micros), null),
      );
      return { ok: true, value: true };
    });
  }
}
