// What adding each chosen user does to the budget that governs them: their
// governing budget now, read from `GET /users/{user}/ai/spend` (one request
// each, as they are chosen), put through Coder's rule (membershipImpact.ts).
import { useQueries, useQuery } from "@tanstack/react-query";
import { isAxiosError } from "axios";
import { userAISpend } from "../../../api/queries/aiSpend";
import { groupAIBudget, groups } from "../../../api/queries/groups";
import type { Group } from "../../../../core/types";
import { additionImpact } from "../../../../core/domain/membershipImpact";

export interface ChosenUser {
  id: string;
  username: string;
}

/** One line per chosen user: the impact, "Working out…" while it loads, or why it cannot be known here. */
export function useAdditionImpact(
  group: Pick<Group, "id" | "organization_id" | "organization_name">,
  chosen: ChosenUser[],
) {
  const budget = useQuery(groupAIBudget(group.id));
  const named = useQuery(groups(group.organization_name));
  const spends = useQueries({ queries: chosen.map((user) => userAISpend(user.username)) });
  return chosen.map((user, i) => {
    const spend = spends[i]!;
    if (spend.error || budget.error) {
      const hidden = isAxiosError(spend.error) && spend.error.response?.status === 404;
      return `${user.username}: cannot be known here: ${hidden ? "their budget is not visible to you" : "their budget could not be read"}`;
    }
    if (!spend.data || budget.data === undefined || !named.data) return `${user.username}: working out…`;
    const governing = spend.data.effective_group_id;
    const groupName =
      governing === group.organization_id ? "Everyone" : named.data.find((g) => g.id === governing)?.name;
    return additionImpact(
      user.username,
      { limit: spend.data.effective_budget, groupId: groupName === undefined ? null : governing, groupName },
      { id: group.id, spend_limit_micros: budget.data?.spend_limit_micros ?? null },
    );
  });
}
