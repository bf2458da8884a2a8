// PGlite takes no lock on its data directory: two servers started on one
// DATA_DIR would both run, each on its own copy in memory, and each would
// overwrite the other's writes on disk. This lock file, holding the owner's
// process id, lets only one server open a directory. A lock left by a server
// that was killed (its process is gone) is taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

export const LOCK_FILE_NAME = "group-ai-budgets.lock";

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another server (process ${ownerPid}). ` +
        "Stop that server first, or give this one another DATA_DIR.",
    );
    this.name = "DataDirInUseError";
  }
}

/** Directories this process holds, so that a second open in the same process is refused too. */
const heldHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the directory's lock, or throws DataDirInUseError; returns the release. */
export function lockDataDir(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, LOCK_FILE_NAME);
  if (heldHere.has(dir)) throw new DataDirInUseError(dir, process.pid);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldHere.add(dir);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(dir);
        if (ownerOf(file) === process.pid) unlinkSync(file);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = ownerOf(file);
      // Our own pid in a lock we do not hold: a killed server's, whose pid came round again.
      if (owner !== undefined && owner !== process.pid && isRunning(owner)) throw new DataDirInUseError(dir, owner);
      try {
        unlinkSync(file);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== "ENOENT") throw unlinkError;
      }
    }
  }
  throw new DataDirInUseError(dir, ownerOf(file) ?? 0);
}
