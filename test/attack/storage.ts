// What must survive: a second server on the same data directory, a SIGKILL during writes, a full disk.
import { ORGANIZATION_ID, SEED_GROUPS } from "../../server/seedData";
import { signIn, startServerProcess, type ServerProcess } from "../serverProcess";
import { call, row, developers, type AttackRow, type Client, type Scale } from "./common";


export async function twoServersAttack(first: ServerProcess, client: Client): Promise<AttackRow> {
  const result = row("second server on the same DATA_DIR");
  await call(client, "admin", "PUT", `/groups/${developers.id}/ai/budget`, JSON.stringify({ spend_limit_micros: 77_000_000 }));
  result.attempts = 1;
  try {
    const second = await startServerProcess({ dataDir: first.dataDir });
    result.wronglyAccepted = 1;
    result.note = "the second server started";
    await second.stop("SIGKILL");
  } catch (error) {
    result.refusals = /is in use by another server/.test(String(error)) ? 1 : 0;
    result.note = "refused: the data directory is in use";
  }
  const stored = (await call(client, "admin", "GET", `/groups/${developers.id}/ai/budget`)).json as { spend_limit_micros: number };
  if (stored.spend_limit_micros !== 77_000_000) result.dataLost = 1;
  return result;
}

export async function killDuringWritesAttack(scale: Scale): Promise<AttackRow> {
  const result = row("SIGKILL during writes, then restart");
  const server = await startServerProcess();
  const client: Client = { url: server.url, tokens: new Map([["admin", await signIn(server.url, "admin")]]) };
  const groups = SEED_GROUPS.filter((g) => g.organizationId === ORGANIZATION_ID).map((g) => g.id);
  const acked = new Map<string, number>();
  let acknowledged = 0;
  let writing = true;
  const writers = groups.map(async (group) => {
    for (let value = 1; writing; value += 1) {
      try {
        const { status } = await call(client, "admin", "PUT", `/groups/${group}/ai/budget`, JSON.stringify({ spend_limit_micros: value }));
        result.attempts += 1;
        if (status >= 500) result.serverErrors += 1;
        if (status === 200) {
          acked.set(group, value);
          acknowledged += 1;
        }
      } catch {
        return; // the server is gone
      }
    }
  });
  await new Promise((resolve) => setTimeout(resolve, scale.writeMsBeforeKill));
  await server.stop("SIGKILL");
  writing = false;
  await Promise.all(writers);
  const restarted = await startServerProcess({ dataDir: server.dataDir });
  try {
    const after: Client = { url: restarted.url, tokens: new Map([["admin", await signIn(restarted.url, "admin")]]) };
    for (const [group, value] of acked) {
      const stored = (await call(after, "admin", "GET", `/groups/${group}/ai/budget`)).json as { spend_limit_micros: number };
      // The write in flight at the kill may or may not have landed; an acknowledged one must have.
      if (!(stored.spend_limit_micros === value || stored.spend_limit_micros === value + 1)) result.dataLost += 1;
    }
    const audit = (await call(after, "admin", "GET", "/audit?limit=1")).json as { count: number };
    if (audit.count < acknowledged) result.dataLost += acknowledged - audit.count;
    result.note = `${acknowledged} writes acknowledged before the kill; ${audit.count} audit rows after the restart`;
  } finally {
    await restarted.stop("SIGKILL");
  }
  return result;
}
