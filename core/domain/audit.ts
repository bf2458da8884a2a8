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

type AuditedGroupFields = {
  id: string;
  organization_id: string;
  name: string;
  display_name: string;
  avatar_url: string;
  quota_allowance: number;
};

/** A new group, as Coder audits `POST /organizations/{o}/groups`: every field from nothing. */
export function groupCreatedAuditEntry(actor: string, group: AuditedGroupFields): AuditEntry {
  return {
    action: "create",
    resource_type: "group",
    resource_id: group.id,
    resource_target: group.name,
    organization_id: group.organization_id,
    diff: {
      name: { old: "", new: group.name },
      display_name: { old: "", new: group.display_name },
      avatar_url: { old: "", new: group.avatar_url },
      quota_allowance: { old: 0, new: group.quota_allowance },
    },
    description: `${actor} created group "${group.name}"`,
    status_code: 201,
  };
}

/**
 * A deleted group, as Coder audits `DELETE /groups/{g}` (every field to
 * nothing), saying too what went with it: its budget and the overrides
 * charged to it, which the database deletes with the group.
 */
export function groupDeletedAuditEntry(
  actor: string,
  group: AuditedGroupFields & { members: string[] },
  gone: { budgetMicros: number | null; overrides: string[] },
): AuditEntry {
  const diff: AuditEntry["diff"] = {
    name: { old: group.name, new: "" },
    display_name: { old: group.display_name, new: "" },
    avatar_url: { old: group.avatar_url, new: "" },
    quota_allowance: { old: group.quota_allowance, new: 0 },
    members: { old: group.members, new: [] },
  };
  if (gone.budgetMicros !== null)
    diff.spend_limit_micros = { old: formatMicrosAsUSD(gone.budgetMicros), new: "no budget" };
  if (gone.overrides.length > 0) diff.overrides_removed = { old: gone.overrides, new: [] };
  const said = [
    ...(gone.budgetMicros !== null ? [`its AI budget of ${formatMicrosAsUSD(gone.budgetMicros)} removed`] : []),
    ...(gone.overrides.length > 0 ? [`overrides charged to it removed for ${gone.overrides.join(", ")}`] : []),
  ];
  return {
    action: "delete",
    resource_type: "group",
    resource_id: group.id,
    resource_target: group.name,
    organization_id: group.organization_id,
    diff,
    description: `${actor} deleted group "${group.name}"${said.length > 0 ? `: ${said.join("; ")}` : ""}`,
    status_code: 200,
  };
}
