// What the cache holds beyond Coder's wire types: a budget with the ETag its
// writes are made conditional on, and spend answers merged from batches.
import type { GroupAIBudget, GroupAISpend, GroupMemberAISpend } from "../../../core/types";

/** A budget as loaded, with the ETag its writes are made conditional on (null: the server sends none). */
export type LoadedBudget = GroupAIBudget & { etag: string | null };

export interface MembersSpend {
  period_start: string;
  period_end: string;
  byUser: Map<string, GroupMemberAISpend>;
  /** Members whose effective budget a save changed in a way only the server can work out; being read again. */
  updating?: ReadonlySet<string>;
}

export interface GroupsSpend {
  period_start: string;
  period_end: string;
  byGroup: Map<string, GroupAISpend>;
}
