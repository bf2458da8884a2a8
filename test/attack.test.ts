// The attack suite (test/attack/suite.ts) at CI scale, as part of `npm test`.
import { describe, expect, it } from "vitest";
import {
  CI_SCALE,
  formatTable,
  LATENCY_LIMIT_MS,
  MEMORY_CEILING_MB,
  runAttackSuite,
  type AttackRow,
} from "./attack/suite";

describe.skipIf(Boolean(process.env.DATABASE_URL))("the attack suite", () => {
  it("loses no data, answers no 5xx, lets no attempt through, and stays within its limits", async () => {
    const rows: AttackRow[] = await runAttackSuite(CI_SCALE);
    console.log(formatTable(rows));
    for (const row of rows) {
      expect(row.serverErrors, `${row.attack}: 5xx (${row.note})`).toBe(0);
      expect(row.dataLost, `${row.attack}: data lost (${row.note})`).toBe(0);
      expect(row.wronglyAccepted, `${row.attack}: let through (${row.note})`).toBe(0);
      if (row.skipped) console.warn(`${row.attack}: skipped, ${row.skipped}`);
      else expect(row.attempts, `${row.attack}: attempts`).toBeGreaterThan(0);
    }
    const abuse = rows.find((r) => r.slowestMs !== undefined)!;
    if (abuse.peakMb !== undefined) expect(abuse.peakMb, abuse.note).toBeLessThan(MEMORY_CEILING_MB);
    expect(abuse.slowestMs, abuse.note).toBeLessThan(LATENCY_LIMIT_MS);
  }, 1_200_000);
});
