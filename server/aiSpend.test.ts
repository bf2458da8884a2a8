// Over 200 lines: every behaviour of the spend endpoints against one seeded database, one describe per endpoint.
import { describe, expect, it } from "vitest";
import type { AuditLogResponse, GroupMembersAISpendResponse, GroupsAISpendResponse, UserAISpend } from "../core/types";
import { budgetPeriod } from "../core/budgetPeriod";
import { ORGANIZATION_ID, SEED_GROUPS, SEED_USERS } from "./seed";
import { useTestApi } from "./testHarness";

const groupId = (name: string) => SEED_GROUPS.find((g) => g.name === name)!.id;
const userId = (name: string) => SEED_USERS.find((u) => u.username === name)!.id;
const developers = groupId("developers");

const api = useTestApi();

const memberSpend = (ids: string[], as = "admin") =>
  api().json<GroupMembersAISpendResponse>(`/groups/${developers}/members/ai/spend?user_ids=${ids.join(",")}`, { as });

const USD = (n: number) => Math.round(n * 1_000_000);
const limit = (usd: number, limit_source: "group" | "user_override" = "group") => ({
  spend_limit_micros: USD(usd),
  limit_source,
});
const send = (path: string, method: string, body: unknown, as = "admin") =>
  api().json(path, { method, body: body === undefined ? undefined : JSON.stringify(body), as });
const setBudget = (group: string, usd: number) =>
  send(`/groups/${group}/ai/budget`, "PUT", { spend_limit_micros: USD(usd) });
const setOverride = (user: string, group: string, usd: number, as = "admin") =>
  send(`/users/${user}/ai/budget/override`, "PUT", { group_id: group, spend_limit_micros: USD(usd) }, as);
const addMembers = (group: string, users: string[]) =>
  send(`/groups/${group}`, "PATCH", { add_users: users.map(userId) });
const groupsSpend = async (ids: string[], organization = "coder", as = "admin") =>
  (
    await api().json<GroupsAISpendResponse>(
      `/organizations/${organization}/groups/ai/spend?group_ids=${ids.join(",")}`,
      { as },
    )
  ).body.groups;
const memberRow = async (user: string, group = developers) =>
  (
    await api().json<GroupMembersAISpendResponse>(`/groups/${group}/members/ai/spend?user_ids=${userId(user)}`, {
      as: "admin",
    })
  ).body.members[0];

describe("members' spend", () => {
  it("answers each member's spend charged to this group this UTC month, and this group's limit where it governs", async () => {
    const { status, body } = await memberSpend(["bob", "carol", "erin"].map(userId));
    expect(status).toBe(200);
    const { start, end } = budgetPeriod();
    // Coder's period strings carry no fraction: 2026-11-01T00:00:00Z.
    expect(body.period_start).toBe(start.toISOString().replace(".000Z", "Z"));
    expect(body.period_end).toBe(end.toISOString().replace(".000Z", "Z"));
    const governed = { effective_group_id: developers, effective_budget: limit(1_000), group_budget: limit(1_000) };
    expect(body.members).toEqual([
      { user_id: userId("bob"), ...governed, group_spend_micros: USD(870) },
      { user_id: userId("carol"), ...governed, group_spend_micros: USD(1_050) },
      { user_id: userId("erin"), ...governed, group_spend_micros: 0 },
    ]);
  });

  it("says a per-user override charged here governs, with its source", async () => {
    await setOverride("alice", developers, 9_000);
    expect(await memberRow("alice")).toEqual({
      user_id: userId("alice"),
      effective_group_id: developers,
      effective_budget: limit(9_000, "user_override"),
      group_budget: limit(9_000, "user_override"),
      group_spend_micros: USD(312.5),
    });
  });

  it("names another group that governs, with no limit here and only the spend charged here", async () => {
    await addMembers(developers, ["grace"]);
    const dataScience = groupId("data-science");
    await setBudget(dataScience, 2_000);
    expect(await memberRow("grace")).toEqual({
      user_id: userId("grace"),
      effective_group_id: dataScience,
      effective_budget: limit(2_000),
      group_budget: null,
      // Her $40 this month was charged to Everyone, not to developers.
      group_spend_micros: 0,
    });
  });

  it("hides a governing group in another organization, and its limit", async () => {
    expect(await memberRow("frank")).toEqual({
      user_id: userId("frank"),
      effective_group_id: null,
      effective_budget: null,
      group_budget: null,
      group_spend_micros: 0,
    });
  });

  it("lets a budgeted Everyone group compete for the highest budget", async () => {
    await setBudget(ORGANIZATION_ID, 5_000);
    expect(await memberRow("bob")).toMatchObject({
      effective_group_id: ORGANIZATION_ID,
      effective_budget: limit(5_000),
      group_budget: null,
    });
    expect(await memberRow("bob", ORGANIZATION_ID)).toMatchObject({
      effective_group_id: ORGANIZATION_ID,
      group_budget: limit(5_000),
      group_spend_micros: 0,
    });
    // heidi has no other budget: the Everyone group's own governs her too.
    expect(await memberRow("heidi", ORGANIZATION_ID)).toMatchObject({
      effective_group_id: ORGANIZATION_ID,
      effective_budget: limit(5_000),
    });
  });

  it("shows a plain member only their own row, and an organization admin every row", async () => {
    const ids = ["bob", "member"].map(userId);
    expect((await memberSpend(ids, "member")).body.members.map((m) => m.user_id)).toEqual([userId("member")]);
    // Every row, in id order as Coder answers, whatever order they were asked in.
    expect((await memberSpend(ids, "orgadmin")).body.members.map((m) => m.user_id)).toEqual([
      userId("member"),
      userId("bob"),
    ]);
  });

  it("leaves out ids that are not members and needs the entitlement", async () => {
    const { body } = await memberSpend([userId("judy"), userId("bob")]);
    expect(body.members.map((m) => m.user_id)).toEqual([userId("bob")]);
    api().deps.aiEntitled = false;
    expect((await memberSpend([userId("bob")])).status).toBe(403);
  });

  it("answers Coder's 400s for missing, empty, malformed, unknown and too many parameters", async () => {
    const ask = (query: string) =>
      api().json<{ message: string; validations?: { field: string; detail: string }[] }>(
        `/groups/${developers}/members/ai/spend${query}`,
        { as: "admin" },
      );
    expect(await ask("")).toEqual({
      status: 400,
      body: {
        message: "Query parameters have invalid values.",
        validations: [{ field: "user_ids", detail: 'Query param "user_ids" is required and cannot be empty' }],
      },
    });
    expect((await ask("?user_ids=")).body.validations?.[0]?.detail).toBe(
      'Query param "user_ids" is required and cannot be empty',
    );
    expect(await ask("?user_ids=nope")).toMatchObject({
      status: 400,
      body: { message: "Query parameters have invalid values.", validations: [{ field: "user_ids" }] },
    });
    expect(await ask(`?user_ids=${userId("bob")}&page=2`)).toMatchObject({
      status: 400,
      body: { validations: [{ field: "page", detail: '"page" is not a valid query param' }] },
    });
    const tooMany = Array.from(
      { length: 101 },
      (_, i) => `00000000-0000-4000-8000-${String(1000 + i).padStart(12, "0")}`,
    );
    expect(await ask(`?user_ids=${tooMany.join(",")}`)).toEqual({
      status: 400,
      body: { message: "user_ids has 101 entries, maximum is 100." },
    });
  });

  it("hides the spend of a group the user is not in", async () => {
    const { status } = await api().json(
      `/groups/${groupId("contractors")}/members/ai/spend?user_ids=${userId("judy")}`,
      { as: "member" },
    );
    expect(status).toBe(404);
  });
});

describe("groups' spend", () => {
  const seeded = [developers, groupId("contractors"), groupId("data-science"), ORGANIZATION_ID];

  it("answers the limit of the members each group governs, and the spend charged to it", async () => {
    // In id order, as Coder answers; frank is governed by gpu-lab in the other organization: developers counts six members.
    expect(await groupsSpend(seeded)).toEqual([
      {
        group_id: ORGANIZATION_ID,
        spend_limit_micros: null,
        total_spend_limit_micros: null,
        // $40 of the first demo users, and $90.45 of the three newer ones with spend (only in Everyone).
        current_spend_micros: 130_450_000,
      },
      {
        group_id: developers,
        spend_limit_micros: USD(1_000),
        total_spend_limit_micros: USD(6_000),
        current_spend_micros: USD(2_377.49),
      },
      {
        group_id: groupId("data-science"),
        spend_limit_micros: null,
        total_spend_limit_micros: null,
        current_spend_micros: 0,
      },
      {
        group_id: groupId("contractors"),
        spend_limit_micros: 0,
        total_spend_limit_micros: 0,
        current_spend_micros: USD(2.5),
      },
    ]);
    expect(await groupsSpend([groupId("gpu-lab")], "research")).toEqual([
      {
        group_id: groupId("gpu-lab"),
        spend_limit_micros: USD(2_500),
        total_spend_limit_micros: USD(2_500),
        current_spend_micros: USD(410),
      },
    ]);
  });

  it("counts an override charged to a group at the override's limit, and none without a budget", async () => {
    await setOverride("alice", developers, 9_000);
    await setOverride("grace", groupId("data-science"), 50);
    const [, dev, science] = await groupsSpend(seeded);
    expect(dev!.total_spend_limit_micros).toBe(USD(5 * 1_000 + 9_000));
    expect(science!.total_spend_limit_micros).toBeNull();
  });

  it("counts a member shared by two budgeted groups only in the one that governs them", async () => {
    const dataScience = groupId("data-science");
    await setBudget(dataScience, 2_000);
    await addMembers(dataScience, ["bob"]);
    const [, dev, science] = await groupsSpend(seeded);
    expect(dev!.total_spend_limit_micros).toBe(USD(5 * 1_000));
    expect(science!.total_spend_limit_micros).toBe(USD(4 * 2_000));
  });

  it("answers a member only for the groups they may read", async () => {
    // A member of developers (and so of Everyone), not of contractors.
    const ids = [groupId("contractors"), developers, ORGANIZATION_ID];
    expect((await groupsSpend(ids, "coder", "member")).map((g) => g.group_id)).toEqual([ORGANIZATION_ID, developers]);
  });

  it("answers Coder's 400s for its parameters", async () => {
    const ask = (query: string) => api().json(`/organizations/coder/groups/ai/spend${query}`, { as: "admin" });
    expect((await ask("")).status).toBe(400);
    expect((await ask(`?group_ids=${developers}&x=1`)).status).toBe(400);
    const tooMany = Array.from(
      { length: 101 },
      (_, i) => `0a7c5d5e-0000-4000-9000-${String(1000 + i).padStart(12, "0")}`,
    );
    expect(await ask(`?group_ids=${tooMany.join(",")}`)).toEqual({
      status: 400,
      body: { message: "group_ids has 101 entries, maximum is 100." },
    });
  });
});

describe("per-user overrides", () => {
  it("sets, reads and removes an override, as an Owner or a User Admin", async () => {
    for (const as of ["admin", "useradmin"]) {
      const set = await setOverride("alice", developers, 5, as);
      expect(set).toMatchObject({
        status: 200,
        body: { user_id: userId("alice"), group_id: developers, spend_limit_micros: USD(5) },
      });
      expect((await api().json("/users/alice/ai/budget/override", { as })).status).toBe(200);
      expect((await api().request("/users/alice/ai/budget/override", { method: "DELETE", as })).status).toBe(204);
      expect((await api().json("/users/alice/ai/budget/override", { as })).status).toBe(404);
    }
  });

  it("lets an organization admin and the user read it, and nobody else change it", async () => {
    await setOverride("alice", developers, 5);
    expect((await api().json("/users/alice/ai/budget/override", { as: "orgadmin" })).status).toBe(200);
    expect((await api().json("/users/me/ai/budget/override", { as: "alice" })).status).toBe(200);
    expect((await api().json("/users/alice/ai/budget/override", { as: "member" })).status).toBe(404);
    expect((await setOverride("alice", developers, 1, "orgadmin")).status).toBe(404);
    expect((await setOverride("alice", developers, 1, "member")).status).toBe(404);
    expect((await api().request("/users/alice/ai/budget/override", { method: "DELETE", as: "orgadmin" })).status).toBe(
      404,
    );
  });

  it("refuses a group the user is not in with Coder's 400, and an unknown group with 404", async () => {
    expect(await setOverride("alice", groupId("contractors"), 1)).toMatchObject({
      status: 400,
      body: { message: "User is not a member of the referenced group.", validations: [{ field: "group_id" }] },
    });
    expect((await setOverride("alice", "0a7c5d5e-0000-4000-9000-000000009999", 1)).status).toBe(404);
  });

  it("refuses bad limits", async () => {
    expect((await setOverride("alice", developers, -1)).status).toBe(400);
    expect((await setOverride("alice", developers, 1_000_000.000001)).status).toBe(400);
  });

  it("is removed when its user leaves the group it is charged to", async () => {
    await setOverride("alice", developers, 5);
    await setOverride("bob", developers, 7);
    await send(`/groups/${developers}`, "PATCH", { remove_users: [userId("alice")] });
    expect((await api().json("/users/alice/ai/budget/override", { as: "admin" })).status).toBe(404);
    expect((await api().json("/users/bob/ai/budget/override", { as: "admin" })).status).toBe(200);
  });

  it("writes an audit row for each change, with the diff in money", async () => {
    await setOverride("alice", developers, 5, "useradmin");
    await setOverride("alice", ORGANIZATION_ID, 7.5);
    await api().request("/users/alice/ai/budget/override", { method: "DELETE", as: "admin" });
    const { body } = await api().json<AuditLogResponse>("/audit?limit=3", { as: "admin" });
    expect(
      body.audit_logs.map((log) => [log.resource_type, log.action, log.username, log.resource_target, log.diff]),
    ).toEqual([
      [
        "user_ai_budget_override",
        "delete",
        "admin",
        "alice",
        { spend_limit_micros: { old: "$7.50", new: "no override" }, group: { old: "Everyone", new: "" } },
      ],
      [
        "user_ai_budget_override",
        "write",
        "admin",
        "alice",
        { spend_limit_micros: { old: "$5.00", new: "$7.50" }, group: { old: "developers", new: "Everyone" } },
      ],
      [
        "user_ai_budget_override",
        "write",
        "useradmin",
        "alice",
        { spend_limit_micros: { old: "no override", new: "$5.00" }, group: { old: "", new: "developers" } },
      ],
    ]);
  });
});

describe("a user's own spend", () => {
  it("answers the governing budget, deployment-wide, and the spend charged to it", async () => {
    const mine = await api().json<UserAISpend>("/users/me/ai/spend", { as: "member" });
    expect(mine.body).toMatchObject({
      user_id: userId("member"),
      effective_group_id: developers,
      effective_budget: limit(1_000),
      current_spend_micros: USD(120),
    });
    expect((await api().json<UserAISpend>("/users/frank/ai/spend", { as: "admin" })).body).toMatchObject({
      effective_group_id: groupId("gpu-lab"),
      effective_budget: limit(2_500),
      current_spend_micros: USD(410),
    });
    // No budget anywhere: the default organization's Everyone group, unlimited.
    expect((await api().json<UserAISpend>("/users/grace/ai/spend", { as: "admin" })).body).toMatchObject({
      effective_group_id: ORGANIZATION_ID,
      effective_budget: null,
      current_spend_micros: USD(40),
    });
  });

  it("answers another user only to their admins", async () => {
    expect((await api().json("/users/bob/ai/spend", { as: "member" })).status).toBe(404);
    expect((await api().json<UserAISpend>("/users/judy/ai/spend", { as: "orgadmin" })).body).toMatchObject({
      effective_budget: { spend_limit_micros: 0, limit_source: "group" },
      current_spend_micros: USD(2.5),
    });
    expect((await api().json("/users/judy/ai/spend", { as: "useradmin" })).status).toBe(200);
  });
});

describe("recording usage (embedded only)", () => {
  it("charges spend to the governing group, for an Owner only", async () => {
    const record = (as: string, user = "bob") =>
      api().json<{ charged_group_id: string; current_spend_micros: number }>("/__embedded/ai/usage", {
        method: "POST",
        body: JSON.stringify({ user, spend_micros: 200_000_000 }),
        as,
      });
    expect((await record("member")).status).toBe(404);
    const { status, body } = await record("admin");
    expect(status).toBe(200);
    expect(body).toEqual({ user_id: userId("bob"), charged_group_id: developers, current_spend_micros: 1_070_000_000 });
    expect((await record("admin", "frank")).body).toMatchObject({
      charged_group_id: groupId("gpu-lab"),
      current_spend_micros: USD(610),
    });
  });
});
