// What decides each user's governing budget (core/domain/budgetRules.ts
// decides; this only reads): their override, the budgets of every group they
// are in, and the organizations they joined, when.
import type { ResolutionInput } from "../../core/domain/budgetRules";
import type { Queryable } from "./database";
import { GROUP_MEMBERSHIPS } from "./membership";
import { limitMicros, ms } from "./rows";

export async function resolutionInputs(db: Queryable, userIds: string[]): Promise<Map<string, ResolutionInput>> {
  const inputs = new Map<string, ResolutionInput>(
    userIds.map((id) => [id, { override: null, budgeted: [], organizations: [] }]),
  );
  if (userIds.length === 0) return inputs;
  const [overrides, budgeted, organizations] = await Promise.all([
    db.query<{ user_id: string; group_id: string; organization_id: string; spend_limit_micros: string | number }>(
      `SELECT o.user_id, o.group_id, g.organization_id, o.spend_limit_micros
       FROM user_ai_budget_overrides o JOIN groups g ON g.id = o.group_id
       WHERE o.user_id = ANY($1::uuid[])`,
      [userIds],
    ),
    db.query<{
      user_id: string;
      group_id: string;
      organization_id: string;
      spend_limit_micros: string | number;
      member_since: Date;
    }>(
      `SELECT m.user_id, m.group_id, m.organization_id, b.spend_limit_micros, om.created_at AS member_since
       FROM ${GROUP_MEMBERSHIPS} m
       JOIN group_ai_budgets b ON b.group_id = m.group_id
       JOIN organization_members om ON om.organization_id = m.organization_id AND om.user_id = m.user_id
       WHERE m.user_id = ANY($1::uuid[])`,
      [userIds],
    ),
    db.query<{ user_id: string; organization_id: string; is_default: boolean; member_since: Date }>(
      `SELECT om.user_id, om.organization_id, o.is_default, om.created_at AS member_since
       FROM organization_members om JOIN organizations o ON o.id = om.organization_id
       WHERE om.user_id = ANY($1::uuid[])`,
      [userIds],
    ),
  ]);
  for (const row of overrides) {
    inputs.get(row.user_id)!.override = {
      group_id: row.group_id,
      organization_id: row.organization_id,
      spend_limit_micros: limitMicros(row.spend_limit_micros),
    };
  }
  for (const row of budgeted) {
    inputs.get(row.user_id)!.budgeted.push({
      group_id: row.group_id,
      organization_id: row.organization_id,
      spend_limit_micros: limitMicros(row.spend_limit_micros),
      member_since: ms(row.member_since),
    });
  }
  for (const row of organizations) {
    inputs.get(row.user_id)!.organizations.push({
      organization_id: row.organization_id,
      is_default: row.is_default,
      member_since: ms(row.member_since),
    });
  }
  return inputs;
}
