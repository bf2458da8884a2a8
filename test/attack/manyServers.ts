// Two servers on one PostgreSQL, as behind a load balancer: writes through
// one are read back through the other at once, If-Match racers spread over
// both let exactly one through, a tag made stale on one server is refused on
// the other, and sign-in guesses alternating between them meet one limit.
import { ORGANIZATION_ID, SEED_GROUPS } from "../../server/seedData";
import { signIn, startServerProcess, type ServerProcess } from "../serverProcess";
import { row, type AttackRow, type Scale } from "./common";
import { startThrowawayPostgres } from "./postgres";

const groups = SEED_GROUPS.filter((g) => g.organizationId === ORGANIZATION_ID).map((g) => g.id);

export async function twoServersOnPostgresAttack(scale: Scale): Promise<AttackRow> {
  const result = row("two servers on one PostgreSQL");
  const postgres = await startThrowawayPostgres();
  if ("reason" in postgres) {
    result.skipped = postgres.reason;
    result.note = `skipped: ${postgres.reason}`;
    return result;
  }
  const servers: ServerProcess[] = [];
  try {
    servers.push(...(await Promise.all([1, 2].map(() => startServerProcess({ env: { DATABASE_URL: postgres.url } })))));
    const [one, other] = servers.map((s) => s.url) as [string, string];
    // Signed in on one, used on both: the session is in the database they share.
    const token = await signIn(one, "admin");
    const budget = async (server: string, group: string, init: RequestInit = {}) => {
      const response = await fetch(`${server}/api/v2/groups/${group}/ai/budget`, {
        ...init,
        headers: { "Coder-Session-Token": token, "Content-Type": "application/json", ...init.headers },
      });
      const json = (await response.json().catch(() => undefined)) as { spend_limit_micros?: number } | undefined;
      if (response.status >= 500) {
        result.serverErrors += 1;
        result.note += `${init.method ?? "GET"} budget → ${response.status}; `;
      }
      return { status: response.status, etag: response.headers.get("ETag"), micros: json?.spend_limit_micros };
    };
    const auditCount = async () =>
      (
        (await (
          await fetch(`${other}/api/v2/audit?limit=1`, { headers: { "Coder-Session-Token": token } })
        ).json()) as { count: number }
      ).count;
    const auditBefore = await auditCount();
    let acknowledged = 0;

    // Writes through one, each read back through the other at once; one writer per group, the groups at once.
    await Promise.all(
      groups.map(async (group) => {
        for (let i = 1; i <= Math.ceil(scale.twoServerWrites / groups.length); i += 1) {
          const micros = i * 1_000_000;
          const written = await budget(one, group, {
            method: "PUT",
            body: JSON.stringify({ spend_limit_micros: micros }),
          });
          result.attempts += 1;
          if (written.status !== 200) continue;
          acknowledged += 1;
          if ((await budget(other, group)).micros !== micros) result.dataLost += 1;
        }
      }),
    );

    // If-Match racers over both servers: exactly one wins, the rest get 412.
    const raced = groups[0]!;
    for (let round = 0; round < scale.ifMatchRounds; round += 1) {
      const { etag } = await budget(other, raced);
      const statuses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          budget(i % 2 ? one : other, raced, {
            method: "PUT",
            headers: { "If-Match": etag ?? "" },
            body: JSON.stringify({ spend_limit_micros: 500_000_000 + round * 100 + i }),
          }).then((r) => r.status),
        ),
      );
      result.attempts += statuses.length;
      const won = statuses.filter((s) => s === 200).length;
      acknowledged += won;
      result.refusals += statuses.filter((s) => s === 412).length;
      if (won !== 1) result.wronglyAccepted += Math.max(0, won - 1);
      if (won === 0) result.dataLost += 1;
    }

    // A tag made stale by a write on one server is refused on the other.
    const { etag: stale } = await budget(one, raced);
    if ((await budget(one, raced, { method: "PUT", body: '{"spend_limit_micros":42000000}' })).status === 200)
      acknowledged += 1;
    const late = await budget(other, raced, {
      method: "PUT",
      headers: { "If-Match": stale ?? "" },
      body: '{"spend_limit_micros":43000000}',
    });
    result.attempts += 1;
    if (late.status === 412) result.refusals += 1;
    else result.wronglyAccepted += 1;
    if ((await budget(other, raced)).micros !== 42_000_000) result.dataLost += 1;

    // Wrong passwords alternating between the servers meet the limit of one.
    let limited = 0;
    for (let i = 0; i < 14; i += 1) {
      const response = await fetch(`${i % 2 ? one : other}/api/v2/users/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: "member@example.com", password: `wrong-${i}` }),
      });
      result.attempts += 1;
      if (response.status >= 500) result.serverErrors += 1;
      if (i >= 10 && response.status !== 429) result.wronglyAccepted += 1;
      if (response.status === 429) limited += 1;
      if (response.status === 429 || response.status === 401) result.refusals += 1;
    }

    const added = (await auditCount()) - auditBefore;
    if (added !== acknowledged) result.dataLost += Math.abs(added - acknowledged);
    result.note += `${acknowledged} writes acknowledged, each read back on the other server; ${added} audit rows; ${scale.ifMatchRounds} If-Match races of 20, one winner each; ${limited} of 14 alternating guesses got 429`;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    postgres.stop();
  }
  return result;
}
