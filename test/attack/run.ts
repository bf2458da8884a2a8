// `npm run attack`: the attack suite at full scale against a fresh server
// process on 127.0.0.1; prints the table and fails on any data lost, 5xx,
// attempt let through, or stated limit passed. ATTACK_SCALE=ci for the CI counts.
import { CI_SCALE, formatTable, FULL_SCALE, LATENCY_LIMIT_MS, MEMORY_CEILING_MB, runAttackSuite } from "./suite";

const rows = await runAttackSuite(process.env.ATTACK_SCALE === "ci" ? CI_SCALE : FULL_SCALE);
console.log(formatTable(rows));
for (const r of rows.filter((r) => r.skipped)) console.log(`${r.attack}: skipped, ${r.skipped}`);
const failed = rows.filter(
  (r) =>
    r.dataLost > 0 ||
    r.serverErrors > 0 ||
    r.wronglyAccepted > 0 ||
    (r.peakMb ?? 0) > MEMORY_CEILING_MB ||
    (r.slowestMs ?? 0) > LATENCY_LIMIT_MS,
);
console.log(failed.length === 0 ? "attack suite: held" : `attack suite: ${failed.length} attack(s) got through`);
process.exit(failed.length === 0 ? 0 : 1);
