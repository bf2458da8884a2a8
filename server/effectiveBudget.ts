// Which budget governs a user, as Coder decides it: a per-user override wins;
// else the user's group with the highest budget (ties: the organization the
// user joined first, then the lower group id); else the Everyone group, which
// is unlimited unless it has a budget.
import type { EffectiveBudget } from "../src/api/types";

export interface GroupBudgetCandidate {
  group_id: string;
  spend_limit_micros: number;
  /** When the user joined the group's organization. */
  member_since: Date;
}

export interface EffectiveInput {
  override: { group_id: string; spend_limit_micros: number } | undefined;
  groups: GroupBudgetCandidate[];
  everyone: { group_id: string; spend_limit_micros: number | null } | undefined;
}

export interface Effective {
  effective_group_id: string | null;
  effective_budget: EffectiveBudget | null;
}

export function effectiveBudget({ override, groups, everyone }: EffectiveInput): Effective {
  if (override) {
    return {
      effective_group_id: override.group_id,
      effective_budget: { spend_limit_micros: override.spend_limit_micros, limit_source: "user_override" },
    };
  }
  const best = [...groups].sort(
    (a, b) =>
      b.spend_limit_micros - a.spend_limit_micros ||
      a.member_since.getTime() - b.member_since.getTime() ||
      (a.group_id < b.group_id ? -1 : a.group_id > b.group_id ? 1 : 0),
  )[0];
  if (best) {
    return {
      effective_group_id: best.group_id,
      effective_budget: { spend_limit_micros: best.spend_limit_micros, limit_source: "group" },
    };
  }
  if (!everyone) return { effective_group_id: null, effective_budget: null };
  return {
    effective_group_id: everyone.group_id,
    effective_budget:
      everyone.spend_limit_micros === null ? null : { spend_limit_micros: everyone.spend_limit_micros, limit_source: "group" },
  };
}
