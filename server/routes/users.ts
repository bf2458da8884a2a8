import { Hono } from "hono";
import type { User } from "../../core/types";
import type { AppEnv } from "../httpapi";

const ROLE_NAMES: Record<string, string> = {
  owner: "Owner",
  "user-admin": "User Admin",
  "organization-admin": "Organization Admin",
  "organization-user-admin": "Organization User Admin",
  auditor: "Auditor",
  "template-admin": "Template Admin",
  "organization-auditor": "Organization Auditor",
  "organization-template-admin": "Organization Template Admin",
};

export function userRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get("/users/me", (c) => {
    const { row, memberships } = c.get("user");
    const roles = [
      ...row.site_roles.map((name) => ({ name, display_name: ROLE_NAMES[name] ?? name })),
      ...memberships.flatMap((m) =>
        m.roles.map((name) => ({ name, display_name: ROLE_NAMES[name] ?? name, organization_id: m.organization_id })),
      ),
    ];
    const user: User = {
      id: row.id,
      username: row.username,
      email: row.email,
      name: row.name,
      avatar_url: row.avatar_url,
      status: row.status,
      roles,
      organization_ids: memberships.map((m) => m.organization_id),
      created_at: new Date(row.created_at).toISOString(),
      last_seen_at: new Date(row.last_seen_at).toISOString(),
    };
    return c.json(user);
  });
  return routes;
}
