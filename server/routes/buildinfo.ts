import { Hono } from "hono";
import { EMBEDDED_BACKEND_VERSION } from "../../core/buildInfo";
import type { BuildInfoResponse } from "../../core/types";
import type { AppEnv } from "../httpapi";

/** `GET /buildinfo`, public as in Coder: the version whose API this backend speaks, and where it is. */
export function buildInfoRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get("/buildinfo", (c) => {
    const origin = new URL(c.req.url).origin;
    const body: BuildInfoResponse = {
      version: EMBEDDED_BACKEND_VERSION,
      external_url: origin,
      dashboard_url: origin,
      workspace_proxy: false,
      upgrade_message: "",
    };
    return c.json(body);
  });
  return routes;
}
