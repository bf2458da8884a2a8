import { Hono } from "hono";
import { AI_FEATURE, type Entitlements } from "../../core/types";
import type { AppEnv } from "../httpapi";

export function entitlementRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get("/entitlements", (c) => {
    const entitled = c.get("deps").aiEntitled;
    const body: Entitlements = {
      features: {
        [AI_FEATURE]: { entitlement: entitled ? "entitled" : "not_entitled", enabled: entitled },
      },
      has_license: entitled,
      warnings: [],
      errors: [],
      trial: false,
      require_telemetry: false,
      refreshed_at: new Date().toISOString(),
    };
    return c.json(body);
  });
  return routes;
}
