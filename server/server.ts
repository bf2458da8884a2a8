import type { Server } from "node:http";
import path from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { routeNotFound } from "./app";
import type { Database } from "./db/database";
import { openEmbeddedBackend } from "./embedded";
import type { AppEnv } from "./httpapi";
import { dropHopByHopHeaders, limitBodies, refuseCrossSiteSignIn, secureCookiesBehindTls } from "./edgeGuards";
import { answerEarlyAnswersHonestly } from "./honestConnections";
import { proxyToCoder, whoIsAtCoder } from "./proxy";
import { sessionTokenRoutes } from "./sessionToken";
import { serveApp } from "./staticAssets";
import { DEFAULT_AI_RETENTION_DAYS } from "../core/domain/spendQuery";
import { ME_PATH } from "../core/paths";
import { SESSION_TOKEN_HEADER } from "../core/types";

import { ROOT } from "./paths";

export { distDir, hasBuild, ROOT } from "./paths";

export interface ServerConfig {
  port: number;
  host: string;
  /** Serve the built app from here; undefined serves the API only (for `npm run dev`). */
  staticDir?: string;
  /** Proxy /api to this Coder deployment instead of the embedded backend. */
  coderUrl?: string;
  databaseUrl?: string;
  dataDir?: string;
  aiEntitled: boolean;
  /** AI Gateway's data retention window, in ms (`AI_RETENTION_DAYS`, 60 by default as Coder's; 0: none). */
  aiRetentionMs?: number;
  latencyMs: number;
  /** Mounts more ahead of the API's routes: the test build's fault switch (testFaults.ts). */
  extendApi?: (api: Hono<AppEnv>) => void;
  /** How many proxies in front of this server append to X-Forwarded-For (a load balancer: 1). */
  trustedProxyHops?: number;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // sonner injects its stylesheet at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Every route the embedded backend answers under /api: the session-token
 * sign-in, Coder's API, and a JSON 404 for the rest. The route fuzzer
 * (test/attack/fuzzRequests.ts) reads its table from here.
 */
export function embeddedRoutes(api: Hono<AppEnv>): Hono {
  const routes = new Hono();
  routes.route(
    "/",
    sessionTokenRoutes(async (token) => api.request(ME_PATH, { headers: { [SESSION_TOKEN_HEADER]: token } })),
  );
  routes.route("/", api);
  // A mounted app's notFound is not used: without this the page's HTML would answer.
  routes.all("/api/*", routeNotFound);
  return routes;
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const app = new Hono();
  app.use(compress());
  let db: Database | undefined;
  app.use("/api/*", secureCookiesBehindTls);
  if (config.coderUrl) {
    app.use("/api/*", limitBodies(), refuseCrossSiteSignIn, dropHopByHopHeaders);
    app.route("/", sessionTokenRoutes(whoIsAtCoder(config.coderUrl)));
    app.all("/api/*", proxyToCoder(config.coderUrl));
  } else {
    const embedded = await openEmbeddedBackend(config);
    db = embedded.db;
    app.route("/", embeddedRoutes(embedded.api));
  }

  if (config.staticDir) {
    app.use(async (c, next) => {
      await next();
      c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      c.header("X-Content-Type-Options", "nosniff");
      c.header("Referrer-Policy", "same-origin");
    });
    app.use(serveApp(config.staticDir));
  }

  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(started));
    answerEarlyAnswersHonestly(started as Server);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  return {
    url: `http://${config.host}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db?.close();
    },
  };
}

/** Whole days, 60 when unset (Coder's default); 0 turns the window off. */
function retentionFromEnv(days: string | undefined): number {
  const value = days === undefined || days === "" ? DEFAULT_AI_RETENTION_DAYS : Number(days);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`AI_RETENTION_DAYS must be a whole number of days, not "${days}".`);
  return value * 86_400_000;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Omit<ServerConfig, "staticDir"> {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "127.0.0.1",
    coderUrl: env.CODER_URL || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? path.join(ROOT, ".data"),
    aiEntitled: env.AIBRIDGE_ENTITLED !== "false",
    aiRetentionMs: retentionFromEnv(env.AI_RETENTION_DAYS),
    latencyMs: Number(env.API_LATENCY_MS ?? 0),
    trustedProxyHops: Number(env.TRUSTED_PROXY_HOPS ?? 0) || 0,
  };
}

/** Closes the server (and so the database) cleanly on Ctrl-C or a stop signal. */
export function closeOnSignals(running: RunningServer): void {
  let closing = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      running.close().then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}
