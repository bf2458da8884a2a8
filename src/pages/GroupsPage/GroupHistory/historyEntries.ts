// What a group's history shows, read from Coder's audit log: the group's
// budget, the overrides charged to it and its membership, newest first, each
// as who, when and from → to. The log is read from three searches (Coder's
// search takes one resource type at a time), merged here.
import type { AuditLog } from "../../../../core/types";

export interface HistoryEntry {
  id: string;
  /** RFC 3339. */
  time: string;
  who: string;
  /** What changed: `Budget per member`, `Override for alice`, `Members`, `Name`. */
  subject: string;
  /** How: `$1,000.00 → $1,234.00`, `set $500.00`, `removed (was $500.00)`, `added alice, bob`. */
  change: string;
}

const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
const names = (value: unknown) => (Array.isArray(value) ? value.map(text).join(", ") : text(value));

/** Old → new in money, or `set` / `removed` when one side is none. */
function moneyChange(old: string | undefined, now: string | undefined): string {
  const isNone = (value: string | undefined) => value === undefined || !value.startsWith("$");
  if (isNone(old) && isNone(now)) return "unchanged";
  if (isNone(old)) return `set ${now}`;
  if (isNone(now)) return `removed (was ${old})`;
  return `${old} → ${now}`;
}

function budgetEntries(row: AuditLog): Omit<HistoryEntry, "id" | "time" | "who">[] {
  const limit = row.diff.spend_limit_micros;
  return [{ subject: "Budget per member", change: moneyChange(text(limit?.old), text(limit?.new)) }];
}

function overrideEntries(row: AuditLog, groupName: string): Omit<HistoryEntry, "id" | "time" | "who">[] {
  const limit = row.diff.spend_limit_micros;
  const group = row.diff.group;
  const [wasHere, isHere] = [group?.old === groupName, group?.new === groupName];
  const subject = `Override for ${row.resource_target}`;
  if (wasHere && isHere) return [{ subject, change: moneyChange(text(limit?.old), text(limit?.new)) }];
  if (isHere) {
    const from = group?.old ? ` (moved from ${text(group.old)})` : "";
    return [{ subject, change: `${moneyChange(undefined, text(limit?.new))}${from}` }];
  }
  const to = group?.new ? ` (moved to ${text(group.new)})` : "";
  return [{ subject, change: `${moneyChange(text(limit?.old), undefined)}${to}` }];
}

function groupEntries(row: AuditLog): Omit<HistoryEntry, "id" | "time" | "who">[] {
  return Object.entries(row.diff).map(([field, value]) => {
    if (field === "members_added") return { subject: "Members", change: `added ${names(value.new)}` };
    if (field === "members_removed") return { subject: "Members", change: `removed ${names(value.old)}` };
    const label = field.replace(/_/g, " ");
    const said = (v: unknown) => (v === "" || v === null || v === undefined ? "none" : text(v));
    return { subject: label[0]!.toUpperCase() + label.slice(1), change: `${said(value.old)} → ${said(value.new)}` };
  });
}

/** An override row concerns the group when it was or is charged to it (Coder's diff names the group). */
export const concernsGroup = (row: AuditLog, groupName: string) =>
  row.resource_type !== "user_ai_budget_override" ||
  row.diff.group?.old === groupName ||
  row.diff.group?.new === groupName;

/** One audit row as the lines it adds to the group's history. */
export function historyEntriesOf(row: AuditLog, groupName: string): HistoryEntry[] {
  const parts =
    row.resource_type === "group_ai_budget"
      ? budgetEntries(row)
      : row.resource_type === "user_ai_budget_override"
        ? overrideEntries(row, groupName)
        : groupEntries(row);
  return parts.map((part, i) => ({ id: `${row.id}/${i}`, time: row.time, who: row.username, ...part }));
}

export interface HistorySource {
  /** Every row loaded so far from one search, newest first. */
  rows: readonly AuditLog[];
  /** The search has older rows not loaded yet. */
  hasMore: boolean;
}

const newestFirst = (a: AuditLog, b: AuditLog) => Date.parse(b.time) - Date.parse(a.time) || (a.id < b.id ? 1 : -1);

/**
 * The rows that can be shown in order: with a search that has more to load,
 * only what is no older than its oldest loaded row (an older row of another
 * search might otherwise come before one not loaded yet).
 */
export function mergeHistory(sources: readonly HistorySource[]): { rows: AuditLog[]; hasMore: boolean } {
  const open = sources.filter((source) => source.hasMore);
  const cutoff = Math.max(
    ...open.map((source) => Math.min(...source.rows.map((row) => Date.parse(row.time)))),
    Number.NEGATIVE_INFINITY,
  );
  const rows = sources
    .flatMap((source) => source.rows)
    .filter((row) => Date.parse(row.time) >= cutoff)
    .sort(newestFirst);
  return { rows, hasMore: open.length > 0 };
}
