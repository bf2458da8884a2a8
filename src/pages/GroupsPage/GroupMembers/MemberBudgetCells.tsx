import type { FC } from "react";
import { Link } from "react-router";
import type { Group, GroupMemberAISpend } from "../../../../core/types";
import { groupUrl } from "../../../app/urls";
import { ForecastNote } from "../../../components/ForecastNote";
import { SpendMeter } from "../../../components/ui/SpendMeter";
import { memberBudgetCell } from "../../../../core/domain/budgetRules";
import { formatMicrosAsUSD } from "../../../../core/currency";

export const OTHER_ORGANIZATION_NOTE = "Managed by a group in another organization, which is not shown here.";

interface MemberBudgetCellsProps {
  group: Pick<Group, "id" | "organization_id" | "organization_name">;
  username: string;
  row: GroupMemberAISpend;
  /** The organization's groups, to name the one that governs a member elsewhere; undefined while unknown. */
  groupNames: ReadonlyMap<string, { name: string; display_name: string }> | undefined;
  /** The period the spend answer covers, for the forecast. */
  period: { period_start: string; period_end: string };
}

/**
 * A member's `AI spend` and `Budget group` cells, as Coder shows them: spend
 * against this group's limit where this group governs; the spend charged here
 * and the governing group where another group does; nothing where a group of
 * another organization does.
 */
export const MemberBudgetCells: FC<MemberBudgetCellsProps> = ({ group, username, row, groupNames, period }) => {
  const cell = memberBudgetCell(group, row);
  const meterLabel = `AI spend of ${username}`;
  switch (cell.kind) {
    case "this":
      return (
        <>
          <td data-label="AI spend">
            <SpendMeter
              spentMicros={cell.spent}
              limitMicros={cell.limit.spend_limit_micros}
              label={meterLabel}
              format="of"
            />
            <ForecastNote
              spentMicros={cell.spent}
              limitMicros={cell.limit.spend_limit_micros}
              periodStart={period.period_start}
              periodEnd={period.period_end}
            />
          </td>
          <td data-label="Budget group">
            {cell.limit.limit_source === "user_override" ? "Custom limit" : "Group limit"}{" "}
            {formatMicrosAsUSD(cell.limit.spend_limit_micros)}
          </td>
        </>
      );
    case "unallocated":
      return (
        <>
          <td data-label="AI spend">
            <SpendMeter spentMicros={cell.spent} limitMicros={null} label={meterLabel} />
            <ForecastNote
              spentMicros={cell.spent}
              limitMicros={null}
              periodStart={period.period_start}
              periodEnd={period.period_end}
            />
          </td>
          <td data-label="Budget group">Everyone (not allocated)</td>
        </>
      );
    case "otherGroup": {
      const governing = groupNames?.get(cell.groupId);
      const href = governing && groupUrl(group.organization_name, governing.name);
      return (
        <>
          <td data-label="AI spend">
            <span className="spend-text">{formatMicrosAsUSD(cell.spent)}</span>
            <span className="member-username">charged to this group</span>
          </td>
          <td data-label="Budget group">
            Budget managed by another group
            {governing && href && (
              <span className="member-username">
                <Link to={href}>{governing.display_name || governing.name}</Link>
                {cell.custom ? " (custom limit)" : ""}
              </span>
            )}
          </td>
        </>
      );
    }
    case "otherOrganization":
      return (
        <>
          <td data-label="AI spend">
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">Not shown</span>
          </td>
          <td data-label="Budget group">
            <span aria-hidden="true">—</span>
            <span className="member-username">{OTHER_ORGANIZATION_NOTE}</span>
          </td>
        </>
      );
  }
};
