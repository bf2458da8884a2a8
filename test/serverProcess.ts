import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface ServerProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** SIGTERM and wait, or SIGKILL for a crash. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  output: () => string;
}

const ROOT = path.resolve(import.meta.dirname, "..");

/** Starts the real server (test build) on a free loopback port. */
export async function startServerProcess(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "gab-data-"));
  // One process, tsx loaded as a hook: the tsx CLI would run the server in a
  // child of its own, out of reach of a SIGKILL sent to the process we hold.
  const child = spawn(process.execPath, ["--import", "tsx", "server/testServer.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    // A busy machine is slow to start one: PGlite alone took 36 s to open under a load of 18 on 2 cores.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 240_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (http:\/\/\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    child,
    output: () => output,
    stop: (signal = "SIGTERM") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

/** Signs in through the API and answers the session token. */
export async function signIn(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/v2/users/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: `${username}@example.com`, password: "SomeSecurePassword!" }),
  });
  if (response.status !== 201) throw new Error(`sign-in as ${username} answered ${response.status}`);
  return ((await response.json()) as { session_token: string }).session_token;
}
