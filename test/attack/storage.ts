// What must survive: a second server on the same data directory, a SIGKILL during writes, a full disk.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ORGANIZATION_ID, SEED_GROUPS } from "../../server/seedData";
import { signIn, startServerProcess, type ServerProcess } from "../serverProcess";
import { call, row, developers, type AttackRow, type Client, type Scale } from "./common";

export async function twoServersAttack(first: ServerProcess, client: Client): Promise<AttackRow> {
  const result = row("second server on the same DATA_DIR");
  await call(
    client,
    "admin",
    "PUT",
    `/groups/${developers.id}/ai/budget`,
    JSON.stringify({ spend_limit_micros: 77_000_000 }),
  );
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
  const stored = (await call(client, "admin", "GET", `/groups/${developers.id}/ai/budget`)).json as {
    spend_limit_micros: number;
  };
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
        const { status } = await call(
          client,
          "admin",
          "PUT",
          `/groups/${group}/ai/budget`,
          JSON.stringify({ spend_limit_micros: value }),
        );
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
      const stored = (await call(after, "admin", "GET", `/groups/${group}/ai/budget`)).json as {
        spend_limit_micros: number;
      };
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

/** A small tmpfs of its own, so that filling it fills no one else's disk; undefined with the reason it cannot be had. */
function mountSmallDisk(megabytes: number): { dir: string; unmount: () => void } | { reason: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "gab-disk-full-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${megabytes}m`, "tmpfs", dir], { encoding: "utf8" });
  if (mounted.error || mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return {
      reason: `cannot mount a ${megabytes} MB tmpfs here (${(mounted.error?.message ?? mounted.stderr).trim() || `mount exited ${mounted.status}`})`,
    };
  }
  return {
    dir,
    unmount: () => {
      spawnSync("umount", ["-l", dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fills what is left of the disk holding `dir`, and answers how to give the room back. */
function fillDisk(dir: string): () => void {
  const filler = path.join(dir, "filler");
  const { bavail, bsize } = statfsSync(dir);
  try {
    writeFileSync(filler, Buffer.alloc(Number(bavail) * Number(bsize)));
  } catch {
    // ENOSPC on the last block: the disk is as full as it gets.
  }
  return () => rmSync(filler, { force: true });
}

/**
 * The data directory's disk fills up while budgets are written: every write
 * is either stored and acknowledged, or refused with 503 and a clear message
 * (counted as a refusal); the server keeps answering; once room is freed a
 * write lands, and after a restart every acknowledged write is there.
 */
export async function diskFullAttack(scale: Scale): Promise<AttackRow> {
  const result = row("disk full: budget writes, then room freed and a restart");
  const disk = mountSmallDisk(96);
  if ("reason" in disk) {
    result.skipped = disk.reason;
    result.note = `skipped: ${disk.reason}`;
    return result;
  }
  const dataDir = path.join(disk.dir, "data");
  const groups = SEED_GROUPS.filter((g) => g.organizationId === ORGANIZATION_ID).map((g) => g.id);
  const acked = new Map<string, number>();
  let refusedFull = 0;
  const write = async (client: Client, group: string, value: number) => {
    const { status, json } = await call(
      client,
      "admin",
      "PUT",
      `/groups/${group}/ai/budget`,
      JSON.stringify({ spend_limit_micros: value }),
    );
    result.attempts += 1;
    if (status === 200) acked.set(group, value);
    else if (status === 503 && /disk is full/.test((json as { message?: string })?.message ?? "")) {
      result.refusals += 1;
      refusedFull += 1;
    } else result.serverErrors += status >= 500 ? 1 : 0;
    return status;
  };
  try {
    const server = await startServerProcess({ dataDir });
    let freeRoom: () => void = () => {};
    try {
      const client: Client = { url: server.url, tokens: new Map([["admin", await signIn(server.url, "admin")]]) };
      await write(client, groups[0]!, 1);
      freeRoom = fillDisk(disk.dir);
      for (let i = 0; i < scale.diskFullWrites; i += 1) await write(client, groups[i % groups.length]!, 1_000 + i);
      const alive = await call(client, "admin", "GET", "/users/me");
      if (alive.status !== 200) result.serverErrors += 1;
      freeRoom();
      // Once there is room again, writes land: a server that stays refusing has not recovered.
      if ((await write(client, groups[0]!, 999_999)) !== 200) result.serverErrors += 1;
    } finally {
      freeRoom();
      await server.stop();
    }
    const restarted = await startServerProcess({ dataDir });
    try {
      const after: Client = { url: restarted.url, tokens: new Map([["admin", await signIn(restarted.url, "admin")]]) };
      for (const [group, value] of acked) {
        const stored = (await call(after, "admin", "GET", `/groups/${group}/ai/budget`)).json as {
          spend_limit_micros?: number;
        };
        if (stored.spend_limit_micros !== value) result.dataLost += 1;
      }
    } finally {
      await restarted.stop();
    }
    result.note = `${refusedFull} writes refused with 503 "disk is full" while full; ${acked.size} groups' acknowledged writes all there after the restart`;
  } finally {
    disk.unmount();
  }
  return result;
}
