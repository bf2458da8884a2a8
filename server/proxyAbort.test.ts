// The third red team: with a CODER_URL deployment that never answers, each
// aborted client left the proxy's socket to the deployment open for ~300 s.
import http from "node:http";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server";

describe.skipIf(Boolean(process.env.DATABASE_URL))("the CODER_URL proxy when the deployment never answers", () => {
  const open = new Set<Socket>();
  let deployment: http.Server;
  let server: RunningServer;
  beforeAll(async () => {
    // Takes every request and never answers it.
    deployment = http.createServer(() => undefined);
    deployment.on("connection", (socket) => {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
    });
    await new Promise<void>((resolve) => deployment.listen(0, "127.0.0.1", resolve));
    const address = deployment.address() as { port: number };
    server = await startServer({
      port: 0,
      host: "127.0.0.1",
      coderUrl: `http://127.0.0.1:${address.port}`,
      aiEntitled: true,
      latencyMs: 0,
    });
  });
  afterAll(async () => {
    for (const socket of open) socket.destroy();
    await server?.close();
    await new Promise((resolve) => deployment.close(resolve));
  });

  it("closes its socket to the deployment once the client aborts", async () => {
    const aborts = Array.from({ length: 5 }, async () => {
      const controller = new AbortController();
      const asked = fetch(`${server.url}/api/v2/groups/x/ai/budget`, {
        headers: { "Coder-Session-Token": "t" },
        signal: controller.signal,
      }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 500));
      controller.abort();
      await asked;
    });
    await Promise.all(aborts);
    const deadline = Date.now() + 5_000;
    while (open.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(open.size).toBe(0);
  });
});
