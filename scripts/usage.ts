// `npm run usage -- --user alice --usd 12.50`: records AI spend for a user on
// the running embedded server (npm start), charged to the group whose budget
// governs them, so a demo can push a member past a limit.
import { dollarsToMicros, formatMicrosAsUSD } from "../src/utils/currency";

const arg = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

const user = arg("user");
const usd = arg("usd");
const url = arg("url") ?? process.env.APP_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
if (!user || !usd) {
  console.error("Usage: npm run usage -- --user <username> --usd <amount> [--url http://127.0.0.1:3000]");
  process.exit(2);
}
let micros: number;
try {
  micros = dollarsToMicros(usd);
} catch (error) {
  console.error(`--usd ${usd}: ${(error as Error).message}`);
  process.exit(2);
}

const login = await fetch(`${url}/api/v2/users/login`, {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ email: process.env.ADMIN_EMAIL ?? "admin@example.com", password: process.env.ADMIN_PASSWORD ?? "SomeSecurePassword!" }),
}).catch(() => undefined);
if (!login || login.status !== 201) {
  console.error(`Could not sign in at ${url} (is npm start running?)`);
  process.exit(1);
}
const { session_token } = (await login.json()) as { session_token: string };
const answer = await fetch(`${url}/api/v2/__embedded/ai/usage`, {
  method: "POST",
  headers: { "Coder-Session-Token": session_token, "Content-Type": "application/json" },
  body: JSON.stringify({ user, spend_micros: micros }),
});
const body = (await answer.json()) as { message?: string; current_spend_micros?: number };
if (answer.status !== 200) {
  console.error(`${answer.status}: ${body.message}`);
  process.exit(1);
}
console.log(`Recorded ${formatMicrosAsUSD(micros)} for ${user}; spent this month: ${formatMicrosAsUSD(body.current_spend_micros ?? 0)}.`);
