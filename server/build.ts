import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
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

const LOCK = path.join(ROOT, ".build.lock");
const LOCK_STALE_MS = 5 * 60_000;

/** Waits for the build lock; a lock older than any build is taken as left by a dead process. */
function acquireLock(): void {
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      const held = statSync(LOCK, { throwIfNoEntry: false });
      const age = held ? Date.now() - held.mtimeMs : 0;
      if (age > LOCK_STALE_MS || Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

/** Builds the app when it needs it, one builder at a time; throws when the build fails. */
export function ensureBuild(): void {
  if (!buildIsStale()) return;
  acquireLock();
  try {
    if (!buildIsStale()) return;
    console.log("Building the app…");
    const vite = path.join(ROOT, "node_modules", ".bin", "vite");
    // A test runner sets NODE_ENV=test, which would make Vite build React's
    // development bundle; what is served is always the production build.
    const result = spawnSync(vite, ["build", "--logLevel", "warn"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
