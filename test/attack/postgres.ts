// A throwaway PostgreSQL server on loopback, for what runs several servers on
// one database (the attack suite's two-server row, `npm run load -- --servers 2`):
// the machine's PostgreSQL binaries, a fresh cluster in a temporary directory,
// a port the OS chose, gone again on stop(). As .ci/run starts one.
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface ThrowawayPostgres {
  url: string;
  stop: () => void;
}

function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "postgres")))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length > 0 ? path.join(root, versions.at(-1)!, "bin") : undefined;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });

/** A PostgreSQL server of its own, or the reason there cannot be one here. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres | { reason: string }> {
  const bin = postgresBin();
  if (!bin) return { reason: "no PostgreSQL binaries under /usr/lib/postgresql" };
  const dir = mkdtempSync(path.join(tmpdir(), "gab-pg-"));
  // initdb refuses to run as root: the cluster then belongs to the postgres user, as in .ci/run.
  const asRoot = process.getuid?.() === 0;
  const run = (command: string) =>
    asRoot
      ? spawnSync("su", ["postgres", "-c", command], { encoding: "utf8" })
      : spawnSync("sh", ["-c", command], { encoding: "utf8" });
  if (asRoot) {
    const owner = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const group = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (owner.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      return { reason: "running as root and there is no postgres user to own the cluster" };
    }
    chownSync(dir, Number(owner.stdout.trim()), Number(group.stdout.trim()));
  }
  const data = path.join(dir, "data");
  const initdb = run(`${bin}/initdb -D ${data} -U postgres --auth=trust`);
  if (initdb.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `initdb failed: ${(initdb.stderr || initdb.stdout).trim().slice(0, 200)}` };
  }
  const port = await freePort();
  const started = run(
    `${bin}/pg_ctl -D ${data} -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1' -l ${dir}/log -w start`,
  );
  if (started.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `pg_ctl start failed: ${(started.stderr || started.stdout).trim().slice(0, 200)}` };
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      run(`${bin}/pg_ctl -D ${data} -m immediate stop`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
