import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GroupMembersAISpendResponse, GroupsAISpendResponse, UserAISpend } from "../src/api/types";
import { budgetPeriod } from "../src/utils/budgetPeriod";
import { ORGANIZATION_ID, SEED_GROUPS, SEED_USERS } from "./seed";
import { openTestApi, type TestApi } from "./testHarness";

const groupId = (name: string) => SEED_GROUPS.find((g) => g.name === name)!.id;
const userId = (name: string) => SEED_USERS.find((u) => u.username === name)!.id;
const developers = groupId("developers");

let api: TestApi;
beforeAll(async () => {
  api = await openTestApi();
});
beforeEach(async () => {
  await api.reset();
});
afterAll(async () => {
  await api.close();
});

const memberSpend = (ids: string[], as = "admin") =>
  api.json<GroupMembersAISpendResponse>(`/groups/${developers}/members/ai/spend?user_ids=${ids.join(",")}`, { as });

describe("members' spend", () => {
  it("answers each member's spend this UTC month and the budget that governs them", async () => {
    const { status, body } = await memberSpend(["bob", "carol", "erin"].map(userId));
    expect(status).toBe(200);
    const { start, end } = budgetPeriod();
    expect(body.period_start).toBe(start.toISOString());
    expect(body.period_end).toBe(end.toISOString());
    expect(body.members).toEqual([
      { user_id: userId("bob"), effective_group_id: developers, effective_budget: { spend_limit_micros: 1_000_000_000, limit_source: "group" }, group_budget: { spend_limit_micros: 1_000_000_000 }, group_spend_micros: 870_000_000 },
      { user_id: userId("carol"), effective_group_id: developers, effective_budget: { spend_limit_micros: 1_000_000_000, limit_source: "group" }, group_budget: { spend_limit_micros: 1_000_000_000 }, group_spend_micros: 1_050_000_000 },
      { user_id: userId("erin"), effective_group_id: developers, effective_budget: { spend_limit_micros: 1_000_000_000, limit_source: "group" }, group_budget: { spend_limit_micros: 1_000_000_000 }, group_spend_micros: 0 },
    ]);
  });

  it("says a per-user override governs, over the group", async () => {
    await api.request(`/users/alice/ai/budget/override`, { method: "PUT", body: JSON.stringify({ group_id: developers, spend_limit_micros: 9_000_000_000 }), as: "admin" });
    const { body } = await memberSpend([userId("alice")]);
    expect(body.members[0]).toMatchObject({ effective_group_id: developers, effective_budget: { spend_limit_micros: 9_000_000_000, limit_source: "user_override" } });
  });

  it("says another group governs when it has the higher budget", async () => {
    await api.request(`/groups/${developers}`, { method: "PATCH", body: JSON.stringify({ add_users: [userId("grace")] }), as: "admin" });
    const dataScience = groupId("data-science");
    await api.request(`/groups/${dataScience}/ai/budget`, { method: "PUT", body: JSON.stringify({ spend_limit_micros: 2_000_000_000 }), as: "admin" });
    const { body } = await memberSpend([userId("grace")]);
    expect(body.members[0]).toMatchObject({ effective_group_id: dataScience, effective_budget: { spend_limit_micros: 2_000_000_000 }, group_spend_micros: 40_000_000 });
  });

  it("leaves out ids that are not members, refuses more than 100 ids, and needs the entitlement", async () => {
    const { body } = await memberSpend([userId("judy"), userId("bob")]);
    expect(body.members.map((m) => m.user_id)).toEqual([userId("bob")]);
    const tooMany = Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(1000 + i).padStart(12, "0")}`);
    expect((await memberSpend(tooMany)).status).toBe(400);
    expect((await memberSpend(["nope"])).status).toBe(400);
    api.deps.aiEntitled = false;
    expect((await memberSpend([userId("bob")])).status).toBe(403);
  });

  it("hides the spend of a group the user is not in", async () => {
    const { status } = await api.json(`/groups/${groupId("contractors")}/members/ai/spend?user_ids=${userId("judy")}`, { as: "member" });
    expect(status).toBe(404);
  });
});

describe("groups' spend", () => {
  it("answers each group's spend against its group-wide limit", async () => {
    const ids = [developers, groupId("contractors"), groupId("data-science"), ORGANIZATION_ID];
    const { body } = await api.json<GroupsAISpendResponse>(`/organizations/coder/groups/ai/spend?group_ids=${ids.join(",")}`, { as: "admin" });
    expect(body.groups).toEqual([
      { group_id: developers, spend_limit_micros: 1_000_000_000, total_spend_limit_micros: 7_000_000_000, current_spend_micros: 2_377_490_000 },
      { group_id: groupId("contractors"), spend_limit_micros: 0, total_spend_limit_micros: 0, current_spend_micros: 2_500_000 },
      { group_id: groupId("data-science"), spend_limit_micros: null, total_spend_limit_micros: null, current_spend_micros: 0 },
      { group_id: ORGANIZATION_ID, spend_limit_micros: null, total_spend_limit_micros: null, current_spend_micros: 40_000_000 },
    ]);
  });

  it("answers a member only for the groups they may read", async () => {
    // A member of developers (and so of Everyone), not of contractors.
    const ids = [groupId("contractors"), developers, ORGANIZATION_ID];
    const { body } = await api.json<GroupsAISpendResponse>(`/organizations/coder/groups/ai/spend?group_ids=${ids.join(",")}`, { as: "member" });
    expect(body.groups.map((g) => g.group_id)).toEqual([developers, ORGANIZATION_ID]);
  });
});

describe("per-user overrides", () => {
  const put = (user: string, body: object, as = "admin") =>
    api.json(`/users/${user}/ai/budget/override`, { method: "PUT", body: JSON.stringify(body), as });

  it("sets, reads and removes an override, as an Owner", async () => {
    const set = await put("alice", { group_id: developers, spend_limit_micros: 5_000_000 });
    expect(set).toMatchObject({ status: 200, body: { user_id: userId("alice"), group_id: developers, spend_limit_micros: 5_000_000 } });
    expect((await api.json("/users/alice/ai/budget/override", { as: "admin" })).status).toBe(200);
    expect((await api.request("/users/alice/ai/budget/override", { method: "DELETE", as: "admin" })).status).toBe(204);
    expect((await api.json("/users/alice/ai/budget/override", { as: "admin" })).status).toBe(404);
  });

  it("refuses a group the user is not in, with Coder's message", async () => {
    expect(await put("alice", { group_id: groupId("contractors"), spend_limit_micros: 1 })).toMatchObject({
      status: 400,
      body: { message: "User is not a member of the referenced group." },
    });
  });

  it("refuses bad limits and lets only an Owner write", async () => {
    expect((await put("alice", { group_id: developers, spend_limit_micros: -1 })).status).toBe(400);
    expect((await put("alice", { group_id: developers, spend_limit_micros: 1_000_000_000_001 })).status).toBe(400);
    expect((await put("alice", { group_id: developers, spend_limit_micros: 1 }, "orgadmin")).status).toBe(404);
    expect((await put("alice", { group_id: developers, spend_limit_micros: 1 }, "member")).status).toBe(404);
  });
});

describe("a user's own spend", () => {
  it("answers me, and another user only to an admin", async () => {
    const mine = await api.json<UserAISpend>("/users/me/ai/spend", { as: "member" });
    expect(mine.body).toMatchObject({ user_id: userId("member"), effective_group_id: developers, current_spend_micros: 120_000_000 });
    expect((await api.json("/users/bob/ai/spend", { as: "member" })).status).toBe(404);
    expect((await api.json<UserAISpend>("/users/judy/ai/spend", { as: "orgadmin" })).body).toMatchObject({
      effective_budget: { spend_limit_micros: 0, limit_source: "group" },
      current_spend_micros: 2_500_000,
    });
  });
});

describe("recording usage (embedded only)", () => {
  it("charges spend to the governing group, for an Owner only", async () => {
    const record = (as: string) =>
      api.json<{ charged_group_id: string; current_spend_micros: number }>("/__embedded/ai/usage", {
        method: "POST",
        body: JSON.stringify({ user: "bob", spend_micros: 200_000_000 }),
        as,
      });
    expect((await record("member")).status).toBe(404);
    const { status, body } = await record("admin");
    expect(status).toBe(200);
    expect(body).toEqual({ user_id: userId("bob"), charged_group_id: developers, current_spend_micros: 1_070_000_000 });
  });
});
