// `npm run usage -- --user alice --usd 12.50 [--model gpt-5 --provider openai
// --provider-name azure-openai --tokens 12000:800]`: records one AI request
// for a user on the running embedded server (npm start), charged to the group
// whose budget governs them, so a demo can push a member past a limit and the
// spend export shows which model it went to.
import { dollarsToMicros, formatMicrosAsUSD } from "../core/currency";

const arg = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

const user = arg("user");
const usd = arg("usd");
const url = arg("url") ?? process.env.APP_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
if (!user || !usd) {
  console.error(
    "Usage: npm run usage -- --user <username> --usd <amount> [--model <model>] [--provider <provider>] [--provider-name <name>]\n" +
      "         [--tokens <input>[:<output>[:<cache read>[:<cache write>]]]] [--url http://127.0.0.1:3000]",
  );
  process.exit(2);
}
const tokenFields = ["input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens"] as const;
const tokensArg = arg("tokens");
const tokens: Partial<Record<(typeof tokenFields)[number], number>> = {};
if (tokensArg !== undefined) {
  const parts = tokensArg.split(":");
  if (parts.length > tokenFields.length || parts.some((p) => !/^\d+$/.test(p))) {
    console.error(`--tokens ${tokensArg}: give whole numbers as <input>[:<output>[:<cache read>[:<cache write>]]].`);
    process.exit(2);
  }
  for (const [i, p] of parts.entries()) tokens[tokenFields[i]!] = Number(p);
}
const model = arg("model");
const provider = arg("provider");
const providerName = arg("provider-name");
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
  body: JSON.stringify({
    email: process.env.ADMIN_EMAIL ?? "admin@example.com",
    password: process.env.ADMIN_PASSWORD ?? "SomeSecurePassword!",
  }),
}).catch(() => undefined);
if (login?.status !== 201) {
  console.error(`Could not sign in at ${url} (is npm start running?)`);
  process.exit(1);
}
const { session_token } = (await login.json()) as { session_token: string };
const answer = await fetch(`${url}/api/v2/__embedded/ai/usage`, {
  method: "POST",
  headers: { "Coder-Session-Token": session_token, "Content-Type": "application/json" },
  body: JSON.stringify({ user, spend_micros: micros, model, provider, provider_name: providerName, ...tokens }),
});
const body = (await answer.json()) as { message?: string; current_spend_micros?: number };
if (answer.status !== 200) {
  console.error(`${answer.status}: ${body.message}`);
  process.exit(1);
}
const on = model ? ` on ${model}${provider ? ` (${providerName ?? provider})` : ""}` : "";
console.log(
  `Recorded ${formatMicrosAsUSD(micros)} for ${user}${on}; spent this month: ${formatMicrosAsUSD(body.current_spend_micros ?? 0)}.`,
);
