// `npm test`: the typecheck, then every test kind (unit, component, server,
// contract, stories in Chromium with their visual baselines, end-to-end with
// a clean browser console), the unit and server projects in a shuffled order
// (files and tests), closing with one plain line "N passed, N failed". The
// shuffle's seed is printed; TEST_SEED=<seed> replays an order. With TEST_DATABASE_URL set, the server and contract tests
// run once more against that PostgreSQL server.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

const chromium = process.env.CHROME_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `Chromium was not found at ${chromium}; the story and end-to-end tests need it.\n` +
      "Install Debian's build with: apt-get update && apt-get install -y chromium\n" +
      "(or point CHROME_PATH at a Chromium binary). Nothing downloads a browser.",
  );
  console.log("0 passed, 1 failed");
  process.exit(1);
}

const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

mkdirSync("test-results", { recursive: true });
let passed = 0;
let failed = 0;

if (run("npx", ["tsc", "--noEmit"]) === 0) {
  passed += 1;
  console.log("typecheck: passed");
} else {
  failed += 1;
  console.log("typecheck: failed");
}

function vitest(label, outputFile, extraArgs, env) {
  const status = run(
    "npx",
    ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${outputFile}`, ...extraArgs],
    env,
  );
  if (!existsSync(outputFile)) {
    console.log(`${label}: vitest wrote no report (exit ${status})`);
    failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(outputFile, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that failed to load has no failed test in it, but it failed.
  const brokenFiles = report.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0);
  failed += brokenFiles.length;
  for (const file of brokenFiles) console.log(`${label}: could not run ${file.name}: ${file.message}`);
  if (status !== 0 && report.numFailedTests === 0 && brokenFiles.length === 0) failed += 1;
  console.log(`${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}

// Biome: the formatter's layout and the linter's rules (npm run format fixes most).
if (run("npx", ["biome", "check", "."]) === 0) {
  passed += 1;
  console.log("lint: passed");
} else {
  failed += 1;
  console.log("lint: failed");
}

// No test may depend on another having run before it: the unit and server
// projects run their files and tests in a random order (vite.config.ts), from
// this seed, printed so an order can be replayed.
const seed = Number(process.env.TEST_SEED) || Math.floor(Math.random() * 2 ** 31);
console.log(`unit and server in a shuffled order, --sequence.seed=${seed} (replay with TEST_SEED=${seed} npm test)`);
vitest("all projects", "test-results/vitest.json", [`--sequence.seed=${seed}`]);

if (process.env.TEST_DATABASE_URL) {
  vitest("server on PostgreSQL", "test-results/vitest-postgres.json", ["--project", "server"], {
    DATABASE_URL: process.env.TEST_DATABASE_URL,
  });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
