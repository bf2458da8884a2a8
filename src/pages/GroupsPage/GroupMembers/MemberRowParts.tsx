// The parts of a row of the members table: who the member is, and the spend's place while it loads.
import type { FC } from "react";
import type { ReducedUser } from "../../../../core/types";
import { Avatar } from "../../../components/ui/Avatar";
import { Badge } from "../../../components/ui/Badge";
import { Skeleton } from "../../../components/ui/Skeleton";
import { TableCell } from "../../../components/ui/Table";

/** Avatar, name and username; a badge when the account is not active. */
export const MemberCell: FC<{ member: ReducedUser }> = ({ member }) => (
  <TableCell>
    <span className="member-cell">
      <Avatar name={member.name || member.username} src={member.avatar_url || undefined} />
      <span>
        <span className="member-name">{member.name || member.username}</span>
        <span className="member-username">{member.username}</span>
        {member.status !== "active" && (
          <Badge variant="warning">{member.status === "suspended" ? "Suspended" : "Dormant"}</Badge>
        )}
      </span>
    </span>
  </TableCell>
);

/** Where the spend will be: the same shape as the meter, so nothing moves when it comes. */
export const SpendPlaceholder: FC<{ words: string }> = ({ words }) => (
  <>
    <TableCell data-label="AI spend">
      <span className="skeleton-stack">
        <Skeleton width="9rem" height="0.9rem" />
        <Skeleton width="9rem" height="0.375rem" />
      </span>
      <span className="visually-hidden">{words}</span>
    </TableCell>
    <TableCell data-label="Budget">
      <Skeleton width="7rem" height="0.9rem" />
    </TableCell>
  </>
);
