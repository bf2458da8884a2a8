import type { MemberBudgetCell } from "../../../../core/domain/budgetRules";
import { formatMicrosAsUSD } from "../../../../core/currency";

/** What the member has spent this period, against which limit: the dialog's first line. */
export const overrideSummary = (cell: MemberBudgetCell, name: string): string => {
  switch (cell.kind) {
    case "this":
      return `${name} has spent ${formatMicrosAsUSD(cell.spent)} this month against ${
        cell.limit.limit_source === "user_override" ? "a custom limit" : "this group's limit"
      } of ${formatMicrosAsUSD(cell.limit.spend_limit_micros)}.`;
    case "unallocated":
      return `${name} has spent ${formatMicrosAsUSD(cell.spent)} this month, with no limit (Everyone, not allocated).`;
    case "otherGroup":
      return `${name} has spent ${formatMicrosAsUSD(cell.spent)} this month charged to this group; ${
        cell.custom ? "a custom limit charged to another group" : "another group's budget"
      } governs them.`;
    case "otherOrganization":
      return `${name}'s budget is set by a group in another organization, which is not shown here.`;
  }
};
