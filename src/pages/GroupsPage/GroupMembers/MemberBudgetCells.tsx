import type { FC } from "react";
import { Link } from "react-router";
import type { Group, GroupMemberAISpend } from "../../../../core/types";
import { groupUrl } from "../../../app/urls";
import { ForecastNote } from "../../../components/ForecastNote";
import { SpendMeter, spendTextClassName } from "../../../components/ui/SpendMeter";
import { memberBudgetCell } from "../../../../core/domain/budgetRules";
import { formatMicrosAsUSD } from "../../../../core/currency";
import { subtextClassName } from "../../../components/ui/Page";
import { TableCell } from "../../../components/ui/Table";

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
          <TableCell data-label="AI spend">
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
          </TableCell>
          <TableCell data-label="Budget group">
            {cell.limit.limit_source === "user_override" ? "Custom limit" : "Group limit"}{" "}
            {formatMicrosAsUSD(cell.limit.spend_limit_micros)}
          </TableCell>
        </>
      );
    case "unallocated":
      return (
        <>
          <TableCell data-label="AI spend">
            <SpendMeter spentMicros={cell.spent} limitMicros={null} label={meterLabel} />
            <ForecastNote
              spentMicros={cell.spent}
              limitMicros={null}
              periodStart={period.period_start}
              periodEnd={period.period_end}
            />
          </TableCell>
          <TableCell data-label="Budget group">Everyone (not allocated)</TableCell>
        </>
      );
    case "otherGroup": {
      const governing = groupNames?.get(cell.groupId);
      const href = governing && groupUrl(group.organization_name, governing.name);
      return (
        <>
          <TableCell data-label="AI spend">
            <span className={spendTextClassName}>{formatMicrosAsUSD(cell.spent)}</span>
            <span className={subtextClassName}>charged to this group</span>
          </TableCell>
          <TableCell data-label="Budget group">
            Budget managed by another group
            {governing && href && (
              <span className={subtextClassName}>
                <Link to={href}>{governing.display_name || governing.name}</Link>
                {cell.custom ? " (custom limit)" : ""}
              </span>
            )}
          </TableCell>
        </>
      );
    }
    case "otherOrganization":
      return (
        <>
          <TableCell data-label="AI spend">
            <span aria-hidden="true">—</span>
            <span className="sr-only">Not shown</span>
          </TableCell>
          <TableCell data-label="Budget group">
            <span aria-hidden="true">—</span>
            <span className={subtextClassName}>{OTHER_ORGANIZATION_NOTE}</span>
          </TableCell>
        </>
      );
  }
};
