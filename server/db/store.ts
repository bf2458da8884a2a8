// The server's data layer: one module per table (or close group of tables)
// in this folder, every group-membership question through ./membership.ts.
// Parameterized queries only.
import type { Database } from "./database";
import { AuditLogs } from "./audit";
import { Budgets } from "./budgets";
import { resolutionInputs } from "./governing";
import { Groups } from "./groups";
import { GroupMemberships } from "./membership";
import { Organizations } from "./organizations";
import { Overrides } from "./overrides";
import { Spend } from "./spend";
import { UsageReports } from "./usageReports";
import { Users } from "./users";

export type { Actor, UserRow } from "./users";
export type { OrganizationRow } from "./organizations";
export type { GroupFields, GroupSummary } from "./groups";
export { DuplicateMemberError } from "./groups";
export type { BudgetPrecondition, BudgetWrite, StoredBudget } from "./budgets";
export { isForeignKeyViolation, isUniqueViolation } from "./rows";

export class Store {
  readonly users: Users;
  readonly organizations: Organizations;
  readonly groups: Groups;
  readonly memberships: GroupMemberships;
  readonly budgets: Budgets;
  readonly overrides: Overrides;
  readonly spend: Spend;
  readonly usage: UsageReports;
  readonly audit: AuditLogs;

  constructor(readonly db: Database) {
    this.users = new Users(db);
    this.organizations = new Organizations(db);
    this.groups = new Groups(db);
    this.memberships = new GroupMemberships(db);
    this.budgets = new Budgets(db);
    this.overrides = new Overrides(db);
    this.spend = new Spend(db);
    this.usage = new UsageReports(db);
    this.audit = new AuditLogs(db);
  }

  /** What decides each listed user's governing budget. */
  resolutionInputs(userIds: string[]) {
    return resolutionInputs(this.db, userIds);
  }
}
