// The same attacks through the CODER_URL proxy, in front of the attacked server.
import http from "node:http";
import { startServer } from "../../server/server";
import { call, row, dataScience, isRefusal, type AttackRow, type Client, type Scale } from "./common";
import { hugeUpload } from "./abuse";
import { rawExchange } from "./earlyAnswers";

function expectContinue(port: number, path: string, token: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.request({
      host: "127.0.0.1",
      port,
      path,
      method: "PUT",
      headers: { Expect: "100-continue", "Content-Type": "application/json", "Coder-Session-Token": token },
    });
    request.on("continue", () => request.end(body));
    request.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", () => resolve(0));
    setTimeout(() => resolve(0), 10_000).unref();
  });
}

export async function proxyAttack(client: Client, scale: Scale): Promise<AttackRow> {
  const result = row("through the CODER_URL proxy");
  const proxy = await startServer({ host: "127.0.0.1", port: 0, aiEntitled: true, latencyMs: 0, coderUrl: client.url });
  try {
    const port = Number(new URL(proxy.url).port);
    const admin = client.tokens.get("admin")!;
    const budgetPath = `/api/v2/groups/${dataScience.id}/ai/budget`;
    const request = (headers: string, body: string) =>
      `PUT ${budgetPath} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const count = (status: number) => {
      result.attempts += 1;
      if (status >= 500) result.serverErrors += 1;
      if (isRefusal(status)) result.refusals += 1;
    };
    let value = 20_000_000;
    for (let round = 0; round < scale.earlyRounds; round += 1) {
      for (const first of [
        request(`Coder-Session-Token: ${admin}\r\n`, "x".repeat(2 * 1024 * 1024)),
        request("", "x".repeat(400_000)),
      ]) {
        value += 1;
        const { answers, closed } = await rawExchange(
          port,
          first,
          request(`Coder-Session-Token: ${admin}\r\n`, JSON.stringify({ spend_limit_micros: value })),
        );
        count(Number(/^HTTP\/1\.1 (\d{3})/.exec(answers[0] ?? "")?.[1] ?? 0));
        let saved = /^HTTP\/1\.1 200 /.test(answers[1] ?? "");
        if (!saved && closed && /\r\nConnection: close\r\n/i.test(answers[0] ?? "")) {
          saved =
            (
              await fetch(`${proxy.url}${budgetPath}`, {
                method: "PUT",
                headers: { "Coder-Session-Token": admin, "Content-Type": "application/json" },
                body: JSON.stringify({ spend_limit_micros: value }),
              })
            ).status === 200;
        }
        const stored = (await call(client, "admin", "GET", `/groups/${dataScience.id}/ai/budget`)).json as {
          spend_limit_micros: number;
        };
        if (!saved || stored.spend_limit_micros !== value) result.dataLost += 1;
      }
    }
    for (let i = 0; i < scale.hugeUploads; i += 1) count(await hugeUpload(port, 300 * 1024 * 1024, 8 * 1024 * 1024));
    value += 1;
    const status = await expectContinue(port, budgetPath, admin, JSON.stringify({ spend_limit_micros: value }));
    result.attempts += 1;
    if (status >= 500 || status === 0) result.serverErrors += 1;
    const stored = (await call(client, "admin", "GET", `/groups/${dataScience.id}/ai/budget`)).json as {
      spend_limit_micros: number;
    };
    if (status !== 200 || stored.spend_limit_micros !== value) result.dataLost += 1;
    result.note = "early answers then a write, 300 MB uploads, Expect: 100-continue";
  } finally {
    await proxy.close();
  }
  return result;
}
