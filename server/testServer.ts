// The test build of the server: the same server as `npm start`, plus the fault
// switch (POST /api/v2/__test/faults) that only tests may use. It serves dist/
// when it exists and prints "READY <url>" once it listens.
import { closeOnSignals, configFromEnv, distDir, hasBuild, startServer } from "./server";
import { mountFaultSwitch } from "./testFaults";

const running = await startServer({
  ...configFromEnv(),
  // The bench serves its reconstruction of the originating change from here.
  staticDir: process.env.STATIC_DIR ?? (hasBuild() ? distDir : undefined),
  extendApi: (api) => mountFaultSwitch(api),
});
closeOnSignals(running);
console.log(`READY ${running.url}`);
