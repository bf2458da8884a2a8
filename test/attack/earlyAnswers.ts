// Connection reuse after every kind of early answer: the write sent next on the connection must land.
import net from "node:net";
import { call, row, dataScience, isRefusal, type AttackRow, type Client, type Scale } from "./common";

export function rawExchange(
  port: number,
  first: string,
  second: string,
): Promise<{ answers: string[]; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let text = "";
    let closed = false;
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ answers: text.split(/(?=HTTP\/1\.1 \d{3} )/).filter(Boolean), closed });
    };
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
      if ((text.match(/HTTP\/1\.1 \d{3} /g) ?? []).length >= 2 && /\r\n\r\n[\s\S]*\}$/.test(text)) setTimeout(done, 50);
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      closed = true;
      done();
    });
    socket.write(first);
    setTimeout(() => {
      if (!closed) socket.write(second);
    }, 200);
    setTimeout(done, 3000);
  });
}

export async function earlyAnswerAttack(client: Client, scale: Scale): Promise<AttackRow> {
  const result = row("connection reuse after early answers");
  const port = Number(new URL(client.url).port);
  const admin = client.tokens.get("admin")!;
  const budgetPath = `/api/v2/groups/${dataScience.id}/ai/budget`;
  const request = (method: string, path: string, headers: string, body: string) =>
    `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const kinds: [string, (round: number) => string][] = [
    ["413", () => request("PUT", budgetPath, `Coder-Session-Token: ${admin}\r\n`, "x".repeat(2 * 1024 * 1024))],
    ["401", () => request("PUT", budgetPath, "", "x".repeat(400_000))],
    [
      "403 cross-site",
      () =>
        request(
          "PUT",
          budgetPath,
          `Cookie: coder_session_token=${admin}\r\nOrigin: https://evil.example\r\n`,
          "x".repeat(400_000),
        ),
    ],
    [
      "404",
      () =>
        request(
          "PUT",
          "/api/v2/groups/00000000-0000-4000-8000-00000000dead/ai/budget",
          `Coder-Session-Token: ${admin}\r\n`,
          "x".repeat(400_000),
        ),
    ],
    [
      "400 bad path",
      () => request("PUT", "/api/v2/groups/%00/ai/budget", `Coder-Session-Token: ${admin}\r\n`, "x".repeat(400_000)),
    ],
    [
      "404 unknown route",
      () => request("POST", "/api/v2/no-such-route", `Coder-Session-Token: ${admin}\r\n`, "x".repeat(400_000)),
    ],
  ];
  let value = 10_000_000;
  for (let round = 0; round < scale.earlyRounds; round += 1) {
    for (const [, first] of kinds) {
      value += 1;
      const put = request(
        "PUT",
        budgetPath,
        `Coder-Session-Token: ${admin}\r\n`,
        JSON.stringify({ spend_limit_micros: value }),
      );
      const { answers, closed } = await rawExchange(port, first(round), put);
      result.attempts += 1;
      const head = answers[0] ?? "";
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      if (status >= 500) result.serverErrors += 1;
      if (isRefusal(status)) result.refusals += 1;
      const saidClose = /\r\nConnection: close\r\n/i.test(head);
      let saved = /^HTTP\/1\.1 200 /.test(answers[1] ?? "");
      if (!saved && saidClose && closed) {
        // Told honestly: the client sends its write on a new connection.
        saved =
          (
            await call(
              client,
              "admin",
              "PUT",
              `/groups/${dataScience.id}/ai/budget`,
              JSON.stringify({ spend_limit_micros: value }),
            )
          ).status === 200;
      }
      const stored = (await call(client, "admin", "GET", `/groups/${dataScience.id}/ai/budget`)).json as {
        spend_limit_micros: number;
      };
      if (!saved || stored.spend_limit_micros !== value) result.dataLost += 1;
    }
  }
  result.note = `${kinds.length} kinds × ${scale.earlyRounds} rounds; the write after each must land`;
  return result;
}
