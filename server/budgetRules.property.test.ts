// The embedded server's SQL reads what Coder's rules decide from; this holds
// its answers to the rules themselves (core/domain/budgetWorld.ts) on random
// deployments: several organizations and groups, budgeted Everyone groups or
// not, ties, overrides, and spend charged to various groups.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GroupMembersAISpendResponse, GroupsAISpendResponse, UserAISpend } from "../core/types";
import { inIdOrder } from "../core/domain/budgetRules";
import { groupRow, memberRows, membersOf, userSpendStatus, type BudgetWorld } from "../core/domain/budgetWorld";
import { budgetWorlds, worldGroups } from "../core/testing/budgetWorlds";
import { budgetPeriod, periodWindow } from "../core/budgetPeriod";
import { hashPassword } from "./auth";
import { DEMO_PASSWORD } from "./seed";
import { openTestApi, type TestApi } from "./testHarness";

const OWNER = "00000000-0000-4000-9999-000000000001";
const TABLES =
  "ai_user_daily_spend, user_ai_budget_overrides, audit_logs, api_keys, group_ai_budgets, group_members, groups, organization_members, users, organizations";

let api: TestApi;
let ownerPassword: string;
beforeAll(async () => {
  api = await openTestApi();
  ownerPassword = await hashPassword(DEMO_PASSWORD);
});
afterAll(async () => {
  await api.close();
});

/** Replaces the whole database with `world`, and an Owner in no organization to ask as. */
async function load(world: BudgetWorld): Promise<void> {
  const { db } = api;
  await db.query(`TRUNCATE ${TABLES} CASCADE`);
  await db.query(
    "INSERT INTO users (id, username, email, hashed_password, site_roles) VALUES ($1, 'owner', 'owner@example.com', $2, '{owner}')",
    [OWNER, ownerPassword],
  );
  const users = [...new Set(world.organizationMembers.map((m) => m.user_id))];
  for (const [i, id] of users.entries()) {
    await db.query("INSERT INTO users (id, username, email, hashed_password) VALUES ($1, $2, $3, 'x')", [
      id,
      `user${i}`,
      `user${i}@example.com`,
    ]);
  }
  for (const [i, o] of world.organizations.entries()) {
    await db.query("INSERT INTO organizations (id, name, display_name, is_default) VALUES ($1, $2, $2, $3)", [
      o.id,
      `org${i}`,
      o.is_default,
    ]);
    await db.query("INSERT INTO groups (id, organization_id, name) VALUES ($1, $1, 'Everyone')", [o.id]);
  }
  for (const m of world.organizationMembers) {
    await db.query("INSERT INTO organization_members (organization_id, user_id, created_at) VALUES ($1, $2, $3)", [
      m.organization_id,
      m.user_id,
      new Date(m.member_since),
    ]);
  }
  for (const [i, g] of world.groups.entries()) {
    await db.query("INSERT INTO groups (id, organization_id, name) VALUES ($1, $2, $3)", [
      g.id,
      g.organization_id,
      `group${i}`,
    ]);
  }
  for (const m of world.groupMembers)
    await db.query("INSERT INTO group_members (group_id, user_id) VALUES ($1, $2)", [m.group_id, m.user_id]);
  for (const [id, micros] of world.budgets)
    await db.query("INSERT INTO group_ai_budgets (group_id, spend_limit_micros) VALUES ($1, $2)", [id, micros]);
  for (const [user, o] of world.overrides) {
    await db.query("INSERT INTO user_ai_budget_overrides (user_id, group_id, spend_limit_micros) VALUES ($1, $2, $3)", [
      user,
      o.group_id,
      o.spend_limit_micros,
    ]);
  }
  for (const s of world.spend) await api.store.spend.record(s.user_id, s.group_id, budgetPeriod().start, s.micros);
}

describe("the server's answers", () => {
  it("are Coder's rules, on random deployments", async () => {
    const period = budgetPeriod();
    const window = periodWindow(period);
    await fc.assert(
      fc.asyncProperty(budgetWorlds, async (world) => {
        await load(world);
        const login = await api.request("/users/login", {
          method: "POST",
          body: JSON.stringify({ email: "owner@example.com", password: DEMO_PASSWORD }),
        });
        const { session_token } = (await login.json()) as { session_token: string };
        const as = { headers: { "Coder-Session-Token": session_token } };
        const get = async <T>(path: string) => {
          const response = await api.request(path, as);
          expect(response.status, path).toBe(200);
          return (await response.json()) as T;
        };
        for (const group of worldGroups(world)) {
          const ids = membersOf(world, group.id);
          if (ids.length === 0) continue;
          const answer = await get<GroupMembersAISpendResponse>(
            `/groups/${group.id}/members/ai/spend?user_ids=${ids.join(",")}`,
          );
          expect(answer.members, `members of ${group.id}`).toEqual(memberRows(world, group, ids));
        }
        for (const [i, organization] of world.organizations.entries()) {
          const groups = worldGroups(world).filter((g) => g.organization_id === organization.id);
          const answer = await get<GroupsAISpendResponse>(
            `/organizations/org${i}/groups/ai/spend?group_ids=${groups.map((g) => g.id).join(",")}`,
          );
          expect(answer.groups, `groups of org${i}`).toEqual(
            inIdOrder(groups.map((g) => g.id)).map((id) => groupRow(world, groups.find((g) => g.id === id)!)),
          );
        }
        for (const id of new Set(world.organizationMembers.map((m) => m.user_id))) {
          expect(await get<UserAISpend>(`/users/${id}/ai/spend`), `spend of ${id}`).toEqual(
            userSpendStatus(world, id, window),
          );
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40) },
    );
  }, 240_000);
});
