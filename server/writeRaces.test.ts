// Races only a real PostgreSQL shows (PGlite runs one statement at a time): a
// write that depends on a group's members or name, while another transaction
// changes them. The other transaction here takes the locks Groups.update
// takes (the group's row FOR UPDATE), does its change, and commits once the
// write is waiting; the write must then see what it committed.
import { describe, expect, it } from "vitest";
import type { AuditLogResponse } from "../core/types";
import { SEED_GROUPS, SEED_USERS } from "./seed";
import { databaseUrl, useTestApi } from "./testHarness";

const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
const bob = SEED_USERS.find((u) => u.username === "bob")!.id;
const api = useTestApi();

/** Runs `change` in a transaction holding the group's row, and commits it once `during` has had time to start. */
async function whileChanging(change: string[], params: unknown[][], during: () => Promise<unknown>) {
  let commit!: () => void;
  let changed!: () => void;
  const committing = new Promise<void>((resolve) => (commit = resolve));
  const ready = new Promise<void>((resolve) => (changed = resolve));
  const other = api().db.transaction(async (tx) => {
    await tx.query("SELECT id FROM groups WHERE id = $1 FOR UPDATE", [developers.id]);
    for (const [i, sql] of change.entries()) await tx.query(sql, params[i]);
    changed();
    await committing;
  });
  await ready;
  await api().login("admin");
  const write = during();
  // Long enough for the write to reach its transaction and wait on the group.
  await new Promise((resolve) => setTimeout(resolve, 400));
  commit();
  await other;
  return write;
}

describe.skipIf(!databaseUrl)("writes racing a change of their group (PostgreSQL)", () => {
  it("leaves no override charged to a group its user has just left", async () => {
    const answer = await whileChanging(
      [
        "DELETE FROM group_members WHERE group_id = $1 AND user_id = $2",
        "DELETE FROM user_ai_budget_overrides WHERE group_id = $1 AND user_id = $2",
      ],
      [
        [developers.id, bob],
        [developers.id, bob],
      ],
      () =>
        api().json("/users/bob/ai/budget/override", {
          method: "PUT",
          body: JSON.stringify({ group_id: developers.id, spend_limit_micros: 5_000_000 }),
          as: "admin",
        }),
    );
    expect(answer).toMatchObject({ status: 400, body: { message: "User is not a member of the referenced group." } });
    expect(await api().db.query("SELECT * FROM user_ai_budget_overrides WHERE user_id = $1", [bob])).toEqual([]);
  });

  it.each([
    ["a group budget", `/groups/${developers.id}/ai/budget`, { spend_limit_micros: 7_000_000 }],
    ["an override", "/users/bob/ai/budget/override", { group_id: developers.id, spend_limit_micros: 7_000_000 }],
  ])("audits %s written just after a rename under the new name", async (_, path, body) => {
    const answer = await whileChanging(["UPDATE groups SET name = 'renamed' WHERE id = $1"], [[developers.id]], () =>
      api().json(path, { method: "PUT", body: JSON.stringify(body), as: "admin" }),
    );
    expect(answer).toMatchObject({ status: 200 });
    const audit = await api().json<AuditLogResponse>("/audit?limit=1", { as: "admin" });
    const [newest] = audit.body.audit_logs;
    expect(JSON.stringify(newest)).toContain("renamed");
    expect(JSON.stringify(newest)).not.toContain('"developers"');
  });
});
