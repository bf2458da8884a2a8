// `npm start`: the built app and the API on one origin. Builds the app first
// when dist/ is missing or older than its sources.
import { ensureBuild } from "./build";
import { DEMO_PASSWORD } from "./seed";
import { describeDeployment } from "./proxy";
import { closeOnSignals, configFromEnv, distDir, startServer } from "./server";

ensureBuild();
const config = configFromEnv();
const running = await startServer({ ...config, staticDir: distDir });
closeOnSignals(running);
console.log(`Group AI budgets is running at ${running.url}`);
if (config.coderUrl) {
  console.log(`API requests go to ${config.coderUrl}; sign in with your Coder account.`);
  console.log(await describeDeployment(config.coderUrl));
} else {
  console.log(
    `Embedded backend (${config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.dataDir}`}), AI budgets ${config.aiEntitled ? "entitled" : "not entitled"}.`,
  );
  console.log(`Sign in as admin@example.com with password ${DEMO_PASSWORD}`);
}
