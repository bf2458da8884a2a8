import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { signIn, startServerProcess, type ServerProcess } from "../test/serverProcess";
import { DataDirInUseError, LOCK_FILE_NAME, lockDataDir } from "./db/dataDirLock";
import { SEED_GROUPS } from "./seed";

const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
const running: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop("SIGKILL")));
});

describe("the data directory lock", () => {
  it("refuses a second holder while the first holds it, and lets go on release", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gab-lock-"));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    release();
    lockDataDir(dir)();
  });

  it("takes over a lock left by a process that is gone", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gab-lock-"));
    // Far above any pid this machine hands out.
    writeFileSync(path.join(dir, LOCK_FILE_NAME), "4194304999\n");
    lockDataDir(dir)();
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))("two servers on one DATA_DIR", () => {
  it("refuses to start the second with a clear message, and the first keeps every write", async () => {
    const first = await startServerProcess();
    running.push(first);
    const token = await signIn(first.url, "admin");
    const put = await fetch(`${first.url}/api/v2/groups/${developers.id}/ai/budget`, {
      method: "PUT",
      headers: { "Coder-Session-Token": token, "Content-Type": "application/json" },
      body: JSON.stringify({ spend_limit_micros: 42_000_000 }),
    });
    expect(put.status).toBe(200);
    const second = startServerProcess({ dataDir: first.dataDir });
    await expect(second).rejects.toThrow(/server exited with 1[\s\S]*is in use by another server \(process \d+\)/);
    const read = await fetch(`${first.url}/api/v2/groups/${developers.id}/ai/budget`, {
      headers: { "Coder-Session-Token": token },
    });
    expect(((await read.json()) as { spend_limit_micros: number }).spend_limit_micros).toBe(42_000_000);
    // After a clean stop the directory is free again.
    await first.stop("SIGTERM");
    const third = await startServerProcess({ dataDir: first.dataDir });
    running.push(third);
    const reread = await fetch(`${third.url}/api/v2/groups/${developers.id}/ai/budget`, {
      headers: { "Coder-Session-Token": await signIn(third.url, "admin") },
    });
    expect(((await reread.json()) as { spend_limit_micros: number }).spend_limit_micros).toBe(42_000_000);
  });
});
