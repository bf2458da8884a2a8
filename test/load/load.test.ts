import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLoad } from "../../bench/loadRun";
import { SEED_GROUPS } from "../../server/seed";
import { signIn, startServerProcess, type ServerProcess } from "../serverProcess";

let server: ServerProcess;

// A shorter run of `npm run load`: what it checks, not how fast (the bench prints that).
describe.skipIf(Boolean(process.env.DATABASE_URL))("mixed budget reads and writes under load", () => {
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers no 5xx, and the database, the audit log and the last answer agree", async () => {
    const result = await runLoad({
      url: server.url,
      token: await signIn(server.url, "admin"),
      groupId: SEED_GROUPS.find((g) => g.name === "developers")!.id,
      seconds: 4,
      connections: 50,
      maxRequests: 3_000,
    });
    expect(result.serverErrors).toBe(0);
    expect(result.networkErrors).toBe(0);
    expect(result.writesAccepted).toBeGreaterThan(0);
    expect(result.auditRowsAdded).toBe(result.writesAccepted);
    expect(result.consistent).toBe(true);
  });
});
