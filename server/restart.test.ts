import { afterEach, describe, expect, it } from "vitest";
import { signIn, startServerProcess, type ServerProcess } from "../test/serverProcess";
import { SEED_GROUPS } from "./seed";

const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
const running: ServerProcess[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop("SIGKILL")));
});

async function start(dataDir?: string) {
  const server = await startServerProcess({ dataDir });
  running.push(server);
  return server;
}

async function budget(url: string, token: string) {
  const response = await fetch(`${url}/api/v2/groups/${developers.id}/ai/budget`, {
    headers: { "Coder-Session-Token": token },
  });
  return ((await response.json()) as { spend_limit_micros: number }).spend_limit_micros;
}

async function setBudget(url: string, token: string, micros: number) {
  const response = await fetch(`${url}/api/v2/groups/${developers.id}/ai/budget`, {
    method: "PUT",
    headers: { "Coder-Session-Token": token, "Content-Type": "application/json" },
    body: JSON.stringify({ spend_limit_micros: micros }),
  });
  expect(response.status).toBe(200);
}

describe.skipIf(Boolean(process.env.DATABASE_URL))("the server process on PGlite", () => {
  it("keeps a saved budget across a clean stop and start", async () => {
    const first = await start();
    await setBudget(first.url, await signIn(first.url, "admin"), 25_000_000);
    await first.stop("SIGTERM");
    expect(first.child.exitCode).toBe(0);
    const second = await start(first.dataDir);
    expect(await budget(second.url, await signIn(second.url, "admin"))).toBe(25_000_000);
  });

  it("loses nothing committed when killed with SIGKILL", async () => {
    const first = await start();
    const token = await signIn(first.url, "admin");
    await setBudget(first.url, token, 1);
    await setBudget(first.url, token, 123_456_789);
    await first.stop("SIGKILL");
    expect(first.child.signalCode).toBe("SIGKILL");
    expect(() => process.kill(first.child.pid!, 0)).toThrow();
    const second = await start(first.dataDir);
    expect(await budget(second.url, await signIn(second.url, "admin"))).toBe(123_456_789);
  });

  it("seeds a new data directory only once", async () => {
    const first = await start();
    const token = await signIn(first.url, "admin");
    const groups = async (url: string, t: string) =>
      (
        (await (
          await fetch(`${url}/api/v2/organizations/coder/groups`, { headers: { "Coder-Session-Token": t } })
        ).json()) as unknown[]
      ).length;
    expect(await groups(first.url, token)).toBe(5);
    await first.stop("SIGTERM");
    const second = await start(first.dataDir);
    expect(await groups(second.url, await signIn(second.url, "admin"))).toBe(5);
  });
});
