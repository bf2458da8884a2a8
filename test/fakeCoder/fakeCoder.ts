// A small stand-in for a real Coder deployment, on 127.0.0.1 only, for the
// tests of CODER_URL: its sign-in methods, its cookie name, its CSRF rule,
// its version (and the routes that version has), over http or https, and
// under a path prefix. It sends no ETags and ignores preconditions, as Coder
// does, and records every request it gets.
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import type { AuthMethods, BuildInfoResponse, Group, GroupAIBudget, Organization, User } from "../../core/types";

export interface FakeCoderOptions {
  version?: string;
  password?: boolean;
  github?: boolean;
  oidc?: boolean;
  /** CODER_HOST_PREFIX_COOKIE: the cookie is `__Host-coder_session_token`, Secure. */
  hostPrefixCookie?: boolean;
  /** Serve https with this key and certificate. */
  tls?: { key: string; cert: string };
  /** Serve under this path, as behind a reverse proxy at https://host/coder. */
  pathPrefix?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
}

export const FAKE_ADMIN_PASSWORD = "CoderPassword!1";
const ORGANIZATION_ID = "0b6b3c55-6f4c-4b4e-9d5a-7f0a4c0d0c01";
const now = "2026-11-01T00:00:00Z";

const admin: User = {
  id: "5b8e2e47-7ad7-4d1b-8f4e-1b1d7a4f9a01",
  username: "deployment-admin",
  email: "admin@deployment.test",
  name: "Deployment Admin",
  avatar_url: "",
  status: "active",
  roles: [{ name: "owner", display_name: "Owner" }],
  organization_ids: [ORGANIZATION_ID],
  created_at: now,
};
const member = {
  ...admin,
  id: "5b8e2e47-7ad7-4d1b-8f4e-1b1d7a4f9a02",
  username: "builder",
  email: "builder@deployment.test",
  name: "Builder",
  roles: [],
};
const reduced = ({ id, username, email, name, avatar_url, status, created_at }: User) => ({
  id,
  username,
  email,
  name,
  avatar_url,
  status,
  created_at,
  last_seen_at: "2026-11-30T12:00:00Z",
});

const ORGANIZATION: Organization = {
  id: ORGANIZATION_ID,
  name: "coder",
  display_name: "Coder",
  description: "",
  icon: "",
  created_at: now,
  updated_at: now,
  is_default: true,
};

export const FAKE_GROUP: Group = {
  id: "9d3f7a10-2c4b-4e8f-a1d2-3b4c5d6e7f80",
  name: "platform",
  display_name: "Platform",
  organization_id: ORGANIZATION_ID,
  organization_name: "coder",
  organization_display_name: "Coder",
  members: [reduced(admin), reduced(member)],
  total_member_count: 2,
  avatar_url: "",
  quota_allowance: 0,
  source: "user",
};

export interface FakeCoder {
  url: string;
  requests: RecordedRequest[];
  budgets: Map<string, GroupAIBudget>;
  /** A session token for the admin, as `<deployment>/cli-auth` would show. */
  issueToken: () => string;
  isSessionLive: (token: string) => boolean;
  /** How many sessions are signed in. */
  sessionCount: () => number;
  /** The group as stored now. */
  group: Group;
  close: () => Promise<void>;
}

const ROUTE_NOT_FOUND = { message: "Route not found." };
const RESOURCE_NOT_FOUND = { message: "Resource not found or you do not have access to this resource" };

/** Coder v2.40 on: the later spend endpoints (core/coderFeatures.ts reads the same line). */
function hasNewestSpendAPI(version: string): boolean {
  const [, major = "0", minor = "0"] = /^v(\d+)\.(\d+)/.exec(version) ?? [];
  return Number(major) > 2 || (Number(major) === 2 && Number(minor) >= 40);
}

function hasAIBudgets(version: string): boolean {
  const [, major = "0", minor = "0"] = /^v(\d+)\.(\d+)/.exec(version) ?? [];
  return Number(major) > 2 || (Number(major) === 2 && Number(minor) >= 36);
}

export async function startFakeCoder(options: FakeCoderOptions = {}): Promise<FakeCoder> {
  const version = options.version ?? "v2.36.1+fake";
  const cookieName = options.hostPrefixCookie ? "__Host-coder_session_token" : "coder_session_token";
  const prefix = options.pathPrefix ?? "";
  const sessions = new Set<string>();
  const budgets = new Map<string, GroupAIBudget>();
  const requests: RecordedRequest[] = [];
  const group: Group = structuredClone(FAKE_GROUP);
  let url = "";

  const newSession = () => {
    const token = `${randomBytes(5).toString("hex")}-${randomBytes(12).toString("hex")}`;
    sessions.add(token);
    return token;
  };
  const cookieOf = (req: IncomingMessage) =>
    req.headers.cookie
      ?.split(/;\s*/)
      .find((part) => part.startsWith(`${cookieName}=`))
      ?.slice(cookieName.length + 1);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body?: unknown, headers: Record<string, string | string[]> = {}) => {
      res.writeHead(status, body === undefined ? headers : { "Content-Type": "application/json", ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const full = new URL(req.url ?? "/", "http://fake");
    if (!full.pathname.startsWith(`${prefix}/`)) return send(404, undefined, { "Content-Type": "text/plain" });
    const path = full.pathname.slice(prefix.length);
    requests.push({ method: req.method ?? "GET", path: path + full.search, headers: req.headers });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString();
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};

    if (path === "/cli-auth") {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(`<h1>Session token</h1><p>${newSession()}</p>`);
      return;
    }
    if (path === "/api/v2/buildinfo") {
      const info: BuildInfoResponse = {
        version,
        external_url: url,
        dashboard_url: url,
        workspace_proxy: false,
        upgrade_message: "",
      };
      return send(200, info);
    }
    if (path === "/api/v2/users/authmethods") {
      const methods: AuthMethods = {
        password: { enabled: options.password ?? true },
        github: { enabled: options.github ?? false },
        oidc: { enabled: options.oidc ?? false, signInText: "Okta", iconUrl: "" },
      };
      return send(200, methods);
    }
    if (path === "/api/v2/users/login" && req.method === "POST") {
      if (options.password === false) return send(403, { message: "Password authentication is disabled." });
      if (body.email !== admin.email || body.password !== FAKE_ADMIN_PASSWORD) {
        return send(401, { message: "Incorrect email or password." });
      }
      const token = newSession();
      const secure = options.hostPrefixCookie ? "; Secure" : "";
      return send(
        201,
        { session_token: token },
        { "Set-Cookie": `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Lax${secure}` },
      );
    }

    // Coder's CSRF rule: a write carrying the session cookie must carry the
    // same token in the session header, or it is refused.
    const header = req.headers["coder-session-token"];
    const cookie = cookieOf(req);
    if (req.method !== "GET" && cookie !== undefined && header !== cookie) {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(
        "Something is wrong with your CSRF token. Please refresh the page. If this error persists, try clearing your cookies.",
      );
      return;
    }
    const token = typeof header === "string" ? header : cookie;
    if (!token || !sessions.has(token)) return send(401, { message: "You are not signed in." });

    if (path === "/api/v2/users/logout" && req.method === "POST") {
      sessions.delete(token);
      return send(200, { message: "Logged out!" }, { "Set-Cookie": `${cookieName}=; Path=/; Max-Age=0; HttpOnly` });
    }
    if (path === "/api/v2/users/me") return send(200, admin);
    if (path === "/api/v2/entitlements") {
      return send(200, {
        features: { aibridge: { entitlement: "entitled", enabled: true } },
        has_license: true,
        warnings: [],
        errors: [],
      });
    }
    if (path === "/api/v2/authcheck" && req.method === "POST") {
      const checks = (body.checks ?? {}) as Record<string, unknown>;
      return send(200, Object.fromEntries(Object.keys(checks).map((name) => [name, true])));
    }
    if (path === "/api/v2/organizations") return send(200, [ORGANIZATION]);
    if (path === "/api/v2/organizations/coder/groups") return send(200, [group]);
    if (path === `/api/v2/organizations/coder/groups/${group.name}`) return send(200, group);
    if (path === `/api/v2/groups/${group.id}` && req.method === "PATCH") {
      const { add_users: _add, remove_users: _remove, ...fields } = body;
      Object.assign(group, fields);
      return send(200, group);
    }
    if (path === `/api/v2/groups/${group.id}`) return send(200, group);

    if (!hasAIBudgets(version)) return send(404, ROUTE_NOT_FOUND);
    const budgetMatch = /^\/api\/v2\/groups\/([^/]+)\/ai\/budget$/.exec(path);
    if (budgetMatch) {
      const groupId = budgetMatch[1]!;
      const stored = budgets.get(groupId);
      if (req.method === "GET") return stored ? send(200, stored) : send(404, RESOURCE_NOT_FOUND);
      if (req.method === "PUT") {
        const limit = body.spend_limit_micros;
        if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 0)
          return send(400, { message: "Invalid AI spend limit." });
        const saved = {
          group_id: groupId,
          spend_limit_micros: limit,
          created_at: stored?.created_at ?? now,
          updated_at: new Date().toISOString(),
        };
        budgets.set(groupId, saved);
        return send(200, saved);
      }
      if (req.method === "DELETE") {
        if (!budgets.delete(groupId)) return send(404, RESOURCE_NOT_FOUND);
        return send(204);
      }
    }
    const period = { period_start: "2026-11-01T00:00:00Z", period_end: "2026-12-01T00:00:00Z" };
    if (path.startsWith(`/api/v2/groups/${FAKE_GROUP.id}/members/ai/spend`)) {
      const limit = budgets.get(FAKE_GROUP.id)?.spend_limit_micros ?? null;
      const ids = (full.searchParams.get("user_ids") ?? "").split(",").filter(Boolean);
      return send(200, {
        ...period,
        members: FAKE_GROUP.members
          .filter((m) => ids.includes(m.id))
          .map((m) => ({
            user_id: m.id,
            effective_group_id: limit === null ? ORGANIZATION_ID : FAKE_GROUP.id,
            effective_budget: limit === null ? null : { spend_limit_micros: limit, limit_source: "group" },
            group_budget: limit === null ? null : { spend_limit_micros: limit, limit_source: "group" },
            group_spend_micros: 0,
          })),
      });
    }
    if (path === `/api/v2/groups/${FAKE_GROUP.id}/ai/spend` && hasNewestSpendAPI(version)) {
      const limit = budgets.get(FAKE_GROUP.id)?.spend_limit_micros ?? null;
      return send(200, {
        ...period,
        group_id: FAKE_GROUP.id,
        spend_limit_micros: limit,
        total_spend_limit_micros: limit === null ? null : limit * 2,
        current_spend_micros: 1_250_000,
      });
    }
    if (path.startsWith("/api/v2/organizations/coder/groups/ai/spend")) {
      const limit = budgets.get(FAKE_GROUP.id)?.spend_limit_micros ?? null;
      return send(200, {
        ...period,
        groups: [
          {
            group_id: FAKE_GROUP.id,
            spend_limit_micros: limit,
            total_spend_limit_micros: limit === null ? null : limit * 2,
            current_spend_micros: 1_250_000,
          },
        ],
      });
    }
    return send(404, ROUTE_NOT_FOUND);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ message: String(error) }));
    });
  };
  const server = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `${options.tls ? "https" : "http"}://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`;
  return {
    url,
    requests,
    budgets,
    issueToken: newSession,
    isSessionLive: (token) => sessions.has(token),
    sessionCount: () => sessions.size,
    group,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
