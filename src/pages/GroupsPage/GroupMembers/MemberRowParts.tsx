// The parts of a row of the members table: who the member is, and the spend's place while it loads.
import type { FC } from "react";
import type { GroupMember, ReducedUser } from "../../../../core/types";
import { lastSeenAgo } from "../../../../core/lastSeen";
import { Avatar, avatarRowClassName } from "../../../components/ui/Avatar";
import { Badge } from "../../../components/ui/Badge";
import { Skeleton, SkeletonStack } from "../../../components/ui/Skeleton";
import { TableCell } from "../../../components/ui/Table";
import { cx } from "../../../components/ui/cx";
import { subtextClassName } from "../../../components/ui/Page";

/** Avatar, username and email, as Coder's members table shows them. */
export const MemberCell: FC<{ member: ReducedUser }> = ({ member }) => (
  <TableCell>
    <span className={avatarRowClassName}>
      <Avatar name={member.name || member.username} src={member.avatar_url || undefined} />
      <span className="min-w-0">
        <span className="block font-medium">{member.username}</span>
        <span className={cx(subtextClassName, "break-all")}>{member.email}</span>
      </span>
    </span>
  </TableCell>
);

const STATUS_WORDS = { active: "Active", suspended: "Suspended", dormant: "Dormant" } as const;

/** The account's status and when Coder last saw them. */
export const StatusCell: FC<{ member: GroupMember; now: number }> = ({ member, now }) => (
  <TableCell data-label="Status">
    <span className="flex flex-col gap-0.5">
      {member.status === "active" ? (
        <span>{STATUS_WORDS.active}</span>
      ) : (
        <Badge variant="warning">{STATUS_WORDS[member.status]}</Badge>
      )}
      {/* An older deployment's group lists its members without when they were last seen. */}
      {member.last_seen_at ? (
        <span className="text-sm text-content-secondary">
          Last seen <time dateTime={member.last_seen_at}>{lastSeenAgo(member.last_seen_at, now)}</time>
        </span>
      ) : null}
    </span>
  </TableCell>
);

/** Where the spend will be: the same shape as the meter, so nothing moves when it comes. */
export const SpendPlaceholder: FC<{ words: string }> = ({ words }) => (
  <>
    <TableCell data-label="AI spend">
      <SkeletonStack as="span">
        <Skeleton width="9rem" height="0.9rem" />
        <Skeleton width="9rem" height="0.375rem" />
      </SkeletonStack>
      <span className="sr-only">{words}</span>
    </TableCell>
    <TableCell data-label="Budget group">
      <Skeleton width="7rem" height="0.9rem" />
    </TableCell>
  </>
);
