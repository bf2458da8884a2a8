// Coder's audit search (`GET /api/v2/audit?q=…`), as coderd/searchquery
// parses it: the query lowercased, split on spaces outside double quotes,
// `key:value` terms, bare words joined into a `resource_type`, unknown keys
// and bad values refused with "Invalid audit search query." and one validation
// per field. The embedded server and the MSW handlers both read `q` with this;
// the browser writes it with `auditQuery`.
import type { AuditLog } from "../types";

export const INVALID_AUDIT_QUERY_MESSAGE = "Invalid audit search query.";

// Coder's database enums (audit_action, resource_type): the values it accepts in a query.
const ACTIONS = new Set([
  "create",
  "write",
  "delete",
  "start",
  "stop",
  "login",
  "logout",
  "register",
  "request_password_reset",
  "connect",
  "disconnect",
  "open",
  "close",
]);
const RESOURCE_TYPES = new Set([
  "organization",
  "template",
  "template_version",
  "user",
  "workspace",
  "workspace_build",
  "git_ssh_key",
  "api_key",
  "group",
  "license",
  "convert_login",
  "health_settings",
  "notifications_settings",
  "prebuilds_settings",
  "workspace_proxy",
  "oauth2_provider_app",
  "oauth2_provider_app_secret",
  "custom_role",
  "organization_member",
  "notification_template",
  "idp_sync_settings_organization",
  "idp_sync_settings_group",
  "idp_sync_settings_role",
  "workspace_agent",
  "workspace_app",
  // This product's own rows.
  "group_ai_budget",
  "user_ai_budget_override",
]);
const BUILD_REASONS = new Set(["initiator", "autostart", "autostop", "dormancy", "failedstop", "autodelete"]);

const KEYS = [
  "request_id",
  "resource_id",
  "resource_target",
  "username",
  "email",
  "date_from",
  "date_to",
  "organization",
  "resource_type",
  "action",
  "build_reason",
] as const;
type Key = (typeof KEYS)[number];

export interface AuditFilter {
  request_id?: string;
  resource_id?: string;
  resource_target?: string;
  username?: string;
  email?: string;
  /** Inclusive bounds in ms; `date_to` is the last millisecond of its day. */
  date_from?: number;
  date_to?: number;
  /** An organization's id or name, as written: the caller resolves a name. */
  organization?: string;
  resource_type?: string;
  action?: string;
  build_reason?: string;
}

export interface Validation {
  field: string;
  detail: string;
}

export type AuditQueryResult =
  | { ok: true; filter: AuditFilter }
  | { ok: false; body: { message: string; validations: Validation[] } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits on `delimiter` outside double quotes, dropping empty parts (Go's strings.FieldsFunc). */
function splitOutsideQuotes(text: string, delimiter: string, keepQuotes: boolean): string[] {
  const parts: string[] = [];
  let quoted = false;
  let current = "";
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (!quoted && char === delimiter) {
      if (current) parts.push(current);
      current = "";
    } else current += char;
  }
  if (current) parts.push(current);
  return keepQuotes ? parts : parts.map((part) => part.replace(/^"+|"+$/g, ""));
}

/** A `2006-01-02` day as Go parses it: a real date, or undefined. */
function parseDay(text: string): number | undefined {
  const match = DAY.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? ms : undefined;
}

const refuse = (validations: Validation[]): AuditQueryResult => ({
  ok: false,
  body: { message: INVALID_AUDIT_QUERY_MESSAGE, validations },
});

export function parseAuditQuery(q: string | null): AuditQueryResult {
  const values = new Map<string, string[]>();
  const add = (key: string, value: string) => values.set(key, [...(values.get(key) ?? []), value]);
  const tokens = splitOutsideQuotes((q ?? "").toLowerCase(), " ", true);
  const words = tokens.filter((token) => !token.includes(":"));
  const elements = [...tokens.filter((token) => token.includes(":")), ...(words.length ? [words.join(" ")] : [])];
  for (const element of elements) {
    if (element.startsWith(":") || element.endsWith(":"))
      return refuse([{ field: "q", detail: `Query element "${element}" cannot start or end with ':'` }]);
    const parts = splitOutsideQuotes(element, ":", false);
    if (parts.length === 1) add("resource_type", parts[0]!);
    else if (parts.length === 2) add(parts[0]!, parts[1]!);
    else return refuse([{ field: "q", detail: `Query element "${element}" can only contain 1 ':'` }]);
  }
  const validations: Validation[] = [];
  const filter: AuditFilter = {};
  // Go's url.Values.Get: the first value of a repeated key.
  const first = (key: Key) => {
    const value = values.get(key)?.[0];
    return value === undefined || value === "" ? undefined : value;
  };
  for (const key of ["request_id", "resource_id"] as const) {
    const value = first(key);
    if (value === undefined) continue;
    if (UUID.test(value)) filter[key] = value;
    else validations.push({ field: key, detail: `Query param "${key}" must be a valid uuid` });
  }
  for (const key of ["resource_target", "username", "email", "organization"] as const) {
    const value = first(key);
    if (value !== undefined) filter[key] = value;
  }
  for (const key of ["date_from", "date_to"] as const) {
    const value = first(key);
    if (value === undefined) continue;
    const ms = parseDay(value);
    if (ms === undefined)
      validations.push({ field: key, detail: `Query param "${key}" must be a valid date format (2006-01-02)` });
    // Coder adds 23:59:59 to date_to: the whole day, to the second.
    else filter[key] = key === "date_to" ? ms + 86_399_000 : ms;
  }
  for (const [key, allowed] of [
    ["resource_type", RESOURCE_TYPES],
    ["action", ACTIONS],
    ["build_reason", BUILD_REASONS],
  ] as const) {
    const value = first(key);
    if (value === undefined) continue;
    if (allowed.has(value)) filter[key] = value;
    else
      validations.push({
        field: key,
        detail: `Query param "${key}" has invalid value: "${value}" is not a valid value`,
      });
  }
  for (const key of values.keys()) {
    if (!(KEYS as readonly string[]).includes(key))
      validations.push({ field: key, detail: `Query param "${key}" is not a valid query param` });
  }
  return validations.length > 0 ? refuse(validations) : { ok: true, filter };
}

export const unknownOrganization = (name: string): Validation => ({
  field: "organization",
  detail: `Query param "organization" has invalid value: organization "${name}" either does not exist, or you are unauthorized to view it`,
});

/**
 * Whether a row passes the filter: `organization` already resolved to an id,
 * `email` the actor's, `viewerId` whom `username:me` means.
 */
export function auditRowMatches(
  row: AuditLog,
  email: string | undefined,
  filter: AuditFilter,
  viewerId: string,
): boolean {
  const time = Date.parse(row.time);
  return (
    (filter.resource_type === undefined || row.resource_type === filter.resource_type) &&
    (filter.resource_id === undefined || row.resource_id === filter.resource_id) &&
    (filter.resource_target === undefined || row.resource_target === filter.resource_target) &&
    (filter.organization === undefined || row.organization_id === filter.organization) &&
    (filter.action === undefined || row.action === filter.action) &&
    (filter.username === undefined ||
      (filter.username === "me" ? row.user_id === viewerId : row.username.toLowerCase() === filter.username)) &&
    (filter.email === undefined || email?.toLowerCase() === filter.email) &&
    (filter.date_from === undefined || time >= filter.date_from) &&
    (filter.date_to === undefined || time <= filter.date_to) &&
    // This product records no request ids and no builds: such a filter matches none of its rows.
    filter.request_id === undefined &&
    filter.build_reason === undefined
  );
}

/** The `q` for a set of terms, as Coder's audit page writes it (`key:value`, space-separated). */
export function auditQuery(terms: Partial<Record<Key, string>>): string {
  return Object.entries(terms)
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([key, value]) => `${key}:${/\s/.test(value!) ? `"${value}"` : value}`)
    .join(" ");
}
