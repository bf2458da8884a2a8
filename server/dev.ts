// `npm run dev`: Vite with hot reload; /api goes to the embedded backend (or to
// CODER_URL, through the same proxy `npm start` uses).
import { createServer } from "vite";
import { DEMO_PASSWORD } from "./seed";
import { closeOnSignals, configFromEnv, ROOT, startServer } from "./server";

const config = configFromEnv();
const api = await startServer({ ...config, port: Number(process.env.API_PORT ?? 3001) });
closeOnSignals(api);
const vite = await createServer({
  root: ROOT,
  server: {
    port: config.port === 3000 ? 5173 : config.port,
    host: config.host,
    proxy: { "/api": { target: api.url } },
  },
});
await vite.listen();
vite.printUrls();
console.log(`API at ${api.url}. Sign in as admin@example.com with password ${DEMO_PASSWORD}`);
