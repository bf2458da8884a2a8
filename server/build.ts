import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { distDir, hasBuild, ROOT } from "./paths";

function newestMtime(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(entry)
      .filter((name) => !/\.(test|stories)\.tsx?$/.test(name))
      .map((name) => newestMtime(path.join(entry, name))),
  );
}

/** dist/ is missing, or older than something it is built from. */
export function buildIsStale(): boolean {
  if (!hasBuild()) return true;
  const built = statSync(path.join(distDir, "index.html")).mtimeMs;
  return ["src", "index.html", "vite.config.ts", "package-lock.json", "public"]
    .map((p) => path.join(ROOT, p))
    .some((source) => newestMtime(source) > built);
}

/** Builds the app when it needs it; throws when the build fails. */
export function ensureBuild(): void {
  if (!buildIsStale()) return;
  console.log("Building the app…");
  const vite = path.join(ROOT, "node_modules", ".bin", "vite");
  const result = spawnSync(vite, ["build", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}
