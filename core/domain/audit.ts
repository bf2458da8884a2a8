// What the audit log says of each change to a budget, an override or a group
// (its fields and its members), as Coder shows it (the diff in money, not micros). The embedded server stores
// these entries; the MSW handlers keep them in memory.
import type { AuditLog } from "../types";
import { formatMicrosAsUSD } from "../currency";

export type AuditEntry = Pick<
  AuditLog,
  | "action"
  | "resource_type"
  | "resource_id"
  | "resource_target"
  | "organization_id"
  | "diff"
  | "description"
  | "status_code"
>;

const money = (micros: number | null, none: string) => (micros === null ? none : formatMicrosAsUSD(micros));

export function budgetAuditEntry(
  actor: string,
  group: { id: string; name: string; organization_id: string },
  old: number | null,
  now: number | null,
): AuditEntry {
  const [before, after] = [money(old, "no budget"), money(now, "no budget")];
  return {
    // Coder audits every upsert as `write` (AuditActionWrite), a first budget too.
    action: now === null ? "delete" : "write",
    resource_type: "group_ai_budget",
    resource_id: group.id,
    resource_target: group.name,
    organization_id: group.organization_id,
    diff: { spend_limit_micros: { old: before, new: after } },
    description: `${actor} changed the AI budget of group "${group.name}": ${before} → ${after}`,
    status_code: now === null ? 204 : 200,
  };
}

export interface AuditedOverride {
  spend_limit_micros: number;
  group_name: string;
}

export function overrideAuditEntry(
  actor: string,
  user: { id: string; username: string },
  organizationId: string,
  old: AuditedOverride | undefined,
  now: AuditedOverride | undefined,
): AuditEntry {
  const said = (o: AuditedOverride | undefined) =>
    o ? `${formatMicrosAsUSD(o.spend_limit_micros)} charged to "${o.group_name}"` : "no override";
  return {
    action: now === undefined ? "delete" : "write",
    resource_type: "user_ai_budget_override",
    resource_id: user.id,
    resource_target: user.username,
    organization_id: organizationId,
    diff: {
      spend_limit_micros: {
        old: money(old?.spend_limit_micros ?? null, "no override"),
        new: money(now?.spend_limit_micros ?? null, "no override"),
      },
      group: { old: old?.group_name ?? "", new: now?.group_name ?? "" },
    },
    description: `${actor} changed the AI budget override of ${user.username}: ${said(old)} → ${said(now)}`,
    status_code: now === undefined ? 204 : 200,
  };
}

export interface AuditedGroupChange {
  /** Each changed field's value before and after. */
  fields: Record<string, { old: unknown; new: unknown }>;
  /** Usernames that joined and left the group. */
  added: string[];
  removed: string[];
}

/** A PATCH that changed something; undefined for one that changed nothing, which Coder does not audit either. */
export function groupAuditEntry(
  actor: string,
  group: { id: string; name: string; organization_id: string },
  change: AuditedGroupChange,
): AuditEntry | undefined {
  const fields = Object.entries(change.fields).filter(([, value]) => value.old !== value.new);
  if (fields.length === 0 && change.added.length === 0 && change.removed.length === 0) return undefined;
  const diff: AuditEntry["diff"] = Object.fromEntries(fields);
  if (change.added.length > 0) diff.members_added = { old: [], new: change.added };
  if (change.removed.length > 0) diff.members_removed = { old: change.removed, new: [] };
  const said = [
    ...fields.map(([field, value]) => `${field} ${JSON.stringify(value.old)} → ${JSON.stringify(value.new)}`),
    ...(change.added.length > 0 ? [`added ${change.added.join(", ")}`] : []),
    ...(change.removed.length > 0 ? [`removed ${change.removed.join(", ")}`] : []),
  ];
  return {
    action: "write",
    resource_type: "group",
    resource_id: group.id,
    resource_target: group.name,
    organization_id: group.organization_id,
    diff,
    description: `${actor} changed group "${group.name}": ${said.join("; ")}`,
    status_code: 200,
  };
}
