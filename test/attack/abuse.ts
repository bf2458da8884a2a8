// Abusive clients: the server stays under its memory ceiling and a normal request keeps answering in time.
import net from "node:net";
import { readFileSync } from "node:fs";
import type { ServerProcess } from "../serverProcess";
import {
  call,
  LATENCY_LIMIT_MS,
  MEMORY_CEILING_MB,
  pool,
  row,
  developers,
  isRefusal,
  type AttackRow,
  type Client,
  type Scale,
} from "./common";

function residentMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Declares `declared` bytes, sends `sent` of them, reads the answer, and hangs up. */
export function hugeUpload(port: number, declared: number, sent: number): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let text = "";
    const finish = () => {
      socket.destroy();
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0));
    };
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
      if (/\r\n\r\n/.test(text)) finish();
    });
    socket.on("error", finish);
    socket.on("close", finish);
    socket.write(
      `PUT /api/v2/groups/${developers.id}/ai/budget HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`,
    );
    const chunk = Buffer.alloc(64 * 1024, 120);
    let written = 0;
    const pump = () => {
      while (written < sent && !socket.destroyed) {
        written += chunk.length;
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
    };
    pump();
    setTimeout(finish, 10_000);
  });
}

export async function abuseAttack(client: Client, server: ServerProcess, scale: Scale): Promise<AttackRow> {
  const result = row("abusive clients: memory and latency");
  const pid = server.child.pid!;
  const port = Number(new URL(client.url).port);
  const baseline = residentMb(pid);
  let peak = baseline ?? 0;
  let slowest = 0;
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const started = performance.now();
      const { status } = await call(client, "admin", "GET", "/users/me");
      slowest = Math.max(slowest, performance.now() - started);
      if (status >= 500) result.serverErrors += 1;
      peak = Math.max(peak, residentMb(pid) ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const slow = Array.from({ length: scale.slowSockets }, () => {
    const socket = net.connect(port, "127.0.0.1");
    socket.on("error", () => undefined);
    socket.write("GET /api/v2/users/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    return socket;
  });
  const count = (status: number) => {
    result.attempts += 1;
    if (status >= 500) result.serverErrors += 1;
    if (isRefusal(status)) result.refusals += 1;
  };
  const bigEmail = "e".repeat(512 * 1024);
  const member = client.tokens.get("member")!;
  const checks = Object.fromEntries(
    Array.from({ length: 100 }, (_, i) => [
      `c${i}`,
      { object: { resource_type: "group", resource_id: developers.id }, action: "update" },
    ]),
  );
  const tooMany = Object.fromEntries(
    Array.from({ length: 9000 }, (_, i) => [
      `c${i}`,
      { object: { resource_type: "group", resource_id: developers.id }, action: "update" },
    ]),
  );
  await Promise.all([
    pool(
      Array.from({ length: scale.hugeSignIns }, (_, i) => i),
      8,
      async (i) => {
        const response = await fetch(`${client.url}/api/v2/users/login`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ email: `${i}${bigEmail}@example.com`, password: "wrong" }),
        });
        await response.arrayBuffer();
        count(response.status);
      },
    ),
    pool(
      Array.from({ length: scale.bigAuthchecks }, (_, i) => i),
      4,
      async (i) => {
        const response = await fetch(`${client.url}/api/v2/authcheck`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "Coder-Session-Token": member },
          body: JSON.stringify({ checks: i % 2 === 0 ? checks : tooMany }),
        });
        await response.arrayBuffer();
        result.attempts += 1;
        if (response.status >= 500) result.serverErrors += 1;
        if (isRefusal(response.status)) result.refusals += 1;
      },
    ),
    pool(
      Array.from({ length: scale.hugeUploads }, (_, i) => i),
      2,
      async () => count(await hugeUpload(port, 300 * 1024 * 1024, 8 * 1024 * 1024)),
    ),
  ]);
  probing = false;
  await probe;
  for (const socket of slow) socket.destroy();
  const memoryKnown = baseline !== undefined;
  result.note = `${memoryKnown ? `RSS ${Math.round(baseline!)} → peak ${Math.round(peak)} MB (ceiling ${MEMORY_CEILING_MB})` : "RSS not measurable here"}; slowest /users/me ${Math.round(slowest)} ms (limit ${LATENCY_LIMIT_MS})`;
  result.peakMb = memoryKnown ? peak : undefined;
  result.slowestMs = slowest;
  return result;
}
