import { Settings } from "lucide-react";
import type { FC } from "react";
import { Link } from "react-router";
import type { GroupsSpend } from "../../../api/queries/aiSpend";
import { groupSettingsUrl, groupUrl } from "../../../app/urls";
import { Avatar, avatarRowClassName } from "../../../components/ui/Avatar";
import { buttonClassName } from "../../../components/ui/Button";
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeader,
  TableRow,
} from "../../../components/ui/Table";
import { usePrefetchOnIntent } from "../../../hooks/usePrefetchOnIntent";
import type { Group } from "../../../../core/types";
import { GroupRowsSkeleton, GroupSpendCell, OverBudgetNote } from "./GroupRowParts";
import { subtextClassName } from "../../../components/ui/Page";

interface GroupsTableProps {
  organization: string;
  /** The rows to show; undefined while the groups load. */
  groups: Group[] | undefined;
  ai: boolean;
  spend: GroupsSpend | undefined;
  spendLoading: boolean;
  /** The viewer administers the groups: each row counts its members over their limit. */
  showOverBudget: boolean;
}

/** The groups of one page, each linking to its members and its settings. */
export const GroupsTable: FC<GroupsTableProps> = ({
  organization,
  groups,
  ai,
  spend,
  spendLoading,
  showOverBudget,
}) => {
  const prefetchOnIntent = usePrefetchOnIntent();
  return (
    <TableContainer>
      <Table responsive aria-busy={!groups || undefined} aria-label={groups ? "Groups" : "Loading groups"}>
        <TableHeader>
          <TableRow>
            <TableHead>Group</TableHead>
            <TableHead>Members</TableHead>
            {ai && <TableHead>AI budget</TableHead>}
            <TableHead actions>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {!groups ? (
            <GroupRowsSkeleton ai={ai} />
          ) : (
            groups.map((g) => (
              <TableRow key={g.id}>
                <TableCell>
                  <span className={avatarRowClassName}>
                    <Avatar name={g.display_name || g.name} src={g.avatar_url || undefined} />
                    <span>
                      <Link
                        to={groupUrl(organization, g.name)}
                        className="block font-medium"
                        {...prefetchOnIntent(groupUrl(organization, g.name))}
                      >
                        {g.display_name || g.name}
                      </Link>
                      {g.display_name && g.display_name !== g.name && (
                        <span className={subtextClassName}>{g.name}</span>
                      )}
                    </span>
                  </span>
                </TableCell>
                <TableCell data-label="Members">{g.total_member_count.toLocaleString("en-US")}</TableCell>
                {ai && (
                  <TableCell data-label="AI budget">
                    <GroupSpendCell group={g} spend={spend?.byGroup.get(g.id)} period={spend} loading={spendLoading} />
                    {showOverBudget && <OverBudgetNote group={g} />}
                  </TableCell>
                )}
                <TableCell actions>
                  <Link
                    to={groupSettingsUrl(organization, g.name)}
                    aria-label={`Settings of ${g.display_name || g.name}`}
                    className={buttonClassName("secondary", "small")}
                    {...prefetchOnIntent(groupSettingsUrl(organization, g.name))}
                  >
                    <Settings aria-hidden="true" size={14} />
                    Settings
                  </Link>
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
