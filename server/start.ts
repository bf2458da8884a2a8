// `npm start`: the built app and the API on one origin. Builds the app first
// when dist/ is missing or older than its sources.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD } from "./seed";
import { closeOnSignals, configFromEnv, distDir, hasBuild, ROOT, startServer } from "./server";

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(entry)
      .filter((name) => !name.endsWith(".test.ts") && !name.endsWith(".test.tsx") && !name.endsWith(".stories.tsx"))
      .map((name) => newestMtime(path.join(entry, name))),
  );
}

function buildIsStale(): boolean {
  if (!hasBuild()) return true;
  const built = statSync(path.join(distDir, "index.html")).mtimeMs;
  const sources = ["src", "index.html", "vite.config.ts", "package-lock.json", "public"].map((p) => path.join(ROOT, p));
  return sources.some((source) => newestMtime(source) > built);
}

if (buildIsStale()) {
  console.log("Building the app…");
  const vite = path.join(ROOT, "node_modules", ".bin", "vite");
  const result = spawnSync(vite, ["build", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const config = configFromEnv();
const running = await startServer({ ...config, staticDir: distDir });
closeOnSignals(running);
console.log(`Group AI budgets is running at ${running.url}`);
if (config.coderUrl) {
  console.log(`API requests go to ${config.coderUrl}; sign in with your Coder account.`);
} else {
  console.log(`Embedded backend (${config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.dataDir}`}), AI budgets ${config.aiEntitled ? "entitled" : "not entitled"}.`);
  console.log(`Sign in as admin@example.com with password ${DEMO_PASSWORD}`);
}
