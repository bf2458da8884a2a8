// Coder answers spend for at most 100 ids a request: long lists are read in
// batches, a few at a time.
import { API } from "../api";
import { MAX_SPEND_IDS, type GroupAISpend, type GroupMemberAISpend } from "../../../core/types";

/** Members shown on one page of the members tab; their spend is asked for a page at a time. */
export const MEMBERS_PAGE_SIZE = 25;

/**
 * Up to this many members, the settings page loads every member's spend with
 * the page, so the impact preview is there at once; a larger group loads it
 * (100 ids a request) only once the admin starts changing the budget.
 */
export const PREVIEW_PREFETCH_MAX_MEMBERS = 500;

/** How many spend requests for one list may be in flight at once. */
export const SPEND_REQUEST_CONCURRENCY = 4;

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Runs `work` on every batch, at most `limit` at a time, answers in batch order. */
export async function inBatches<T, R>(batches: T[], limit: number, work: (batch: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(batches.length);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const index = next++;
      results[index] = await work(batches[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, batches.length) }, worker));
  return results;
}

interface Period {
  period_start: string;
  period_end: string;
}

/** Asks for `ids` in batches the API accepts, a few at a time; the period is the first answer's. */
async function askInBatches<A extends Period>(
  ids: string[],
  ask: (ids: string[]) => Promise<A>,
): Promise<{ period: Period; answers: A[] }> {
  const answers = await inBatches(chunk(ids, MAX_SPEND_IDS), SPEND_REQUEST_CONCURRENCY, ask);
  return {
    period: { period_start: answers[0]?.period_start ?? "", period_end: answers[0]?.period_end ?? "" },
    answers,
  };
}

/** The given members' spend rows in one group, with the period of the first answer. */
export async function fetchMembersSpendRows(
  groupId: string,
  userIds: string[],
  signal?: AbortSignal,
): Promise<Period & { members: GroupMemberAISpend[] }> {
  const { period, answers } = await askInBatches(userIds, (ids) => API.getGroupMembersAISpend(groupId, ids, signal));
  return { ...period, members: answers.flatMap((answer) => answer.members) };
}

/** The given groups' spend rows in one organization, with the period of the first answer. */
export async function fetchGroupsSpendRows(
  organization: string,
  groupIds: string[],
  signal?: AbortSignal,
): Promise<Period & { groups: GroupAISpend[] }> {
  const { period, answers } = await askInBatches(groupIds, (ids) => API.getGroupsAISpend(organization, ids, signal));
  return { ...period, groups: answers.flatMap((answer) => answer.groups) };
}
