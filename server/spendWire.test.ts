// Coder's later spend wire on the embedded server: one group's spend, a group's
// members by organization and name, a user's spend per organization, the
// per-user report, the export's filters, retention, strictness and streaming,
// Coder's read set (an Auditor reads everything and changes nothing), and
// organizations named by id, name or "default".
import { describe, expect, it } from "vitest";
import type {
  AISpendUsersReport,
  GroupAISpendResponse,
  GroupMembersAISpendResponse,
  GroupsAISpendResponse,
  UserOrganizationsAISpend,
} from "../core/types";
import { ORGANIZATION_ID, SECOND_ORGANIZATION_ID, SEED_GROUPS, SEED_USERS } from "./seed";
import { useTestApi } from "./testHarness";

const api = useTestApi();
const userId = (name: string) => SEED_USERS.find((u) => u.username === name)!.id;
const groupId = (name: string) => SEED_GROUPS.find((g) => g.name === name)!.id;
const developers = groupId("developers");
const record = (user: string, body: Record<string, unknown>) =>
  api().json("/__embedded/ai/usage", { method: "POST", body: JSON.stringify({ user, ...body }), as: "admin" });
const NOT_FOUND = { message: "Resource not found or you do not have access to this resource" };

describe("one group's spend", () => {
  it("answers the organization groups' row of the group, with Coder's period strings", async () => {
    const one = await api().json<GroupAISpendResponse>(`/groups/${developers}/ai/spend`, { as: "admin" });
    const all = await api().json<GroupsAISpendResponse>(
      `/organizations/coder/groups/ai/spend?group_ids=${developers}`,
      { as: "admin" },
    );
    expect(one.status).toBe(200);
    expect(one.body).toEqual({
      period_start: all.body.period_start,
      period_end: all.body.period_end,
      ...all.body.groups[0],
    });
    expect(one.body.period_start).toMatch(/^\d{4}-\d\d-01T00:00:00Z$/);
  });

  it("is read by a member of the group and by an Auditor; 404 to anyone else", async () => {
    expect((await api().json(`/groups/${developers}/ai/spend`, { as: "member" })).status).toBe(200);
    expect((await api().json(`/groups/${developers}/ai/spend`, { as: "auditor" })).status).toBe(200);
    expect((await api().json(`/groups/${developers}/ai/spend`, { as: "researchadmin" })).body).toEqual(NOT_FOUND);
  });
});

describe("a group's members' spend by organization and group name", () => {
  it("answers as the group's own route, with the organization by name, id or default", async () => {
    const ids = ["bob", "carol"].map(userId).join(",");
    const byId = await api().json(`/groups/${developers}/members/ai/spend?user_ids=${ids}`, { as: "admin" });
    for (const organization of ["coder", ORGANIZATION_ID, "default"]) {
      const byName = await api().json<GroupMembersAISpendResponse>(
        `/organizations/${organization}/groups/developers/members/ai/spend?user_ids=${ids}`,
        { as: "admin" },
      );
      expect(byName.body, organization).toEqual(byId.body);
    }
    expect(
      (await api().json(`/organizations/coder/groups/nope/members/ai/spend?user_ids=${userId("bob")}`, { as: "admin" }))
        .status,
    ).toBe(404);
  });
});

describe("a user's spend per organization", () => {
  it("answers each organization the user is in, by name, with the budget that would govern a request there", async () => {
    const { status, body } = await api().json<UserOrganizationsAISpend>("/users/frank/ai/spend/organizations", {
      as: "admin",
    });
    expect(status).toBe(200);
    // gpu-lab's $2,500 governs frank deployment-wide; in coder, developers' $1,000 would.
    expect(body.organization_id).toBe(SECOND_ORGANIZATION_ID);
    expect(body.organizations.map((o) => [o.organization_name, o.effective_group_id, o.effective_budget])).toEqual([
      ["coder", developers, { spend_limit_micros: 1_000_000_000, limit_source: "group" }],
      ["research", groupId("gpu-lab"), { spend_limit_micros: 2_500_000_000, limit_source: "group" }],
    ]);
  });

  it("shows a caller only the organizations they may read, and a stranger's nothing", async () => {
    const asResearchAdmin = await api().json<UserOrganizationsAISpend>("/users/frank/ai/spend/organizations", {
      as: "researchadmin",
    });
    expect(asResearchAdmin.body.organizations.map((o) => o.organization_name)).toEqual(["research"]);
    expect((await api().json("/users/bob/ai/spend/organizations", { as: "member" })).status).toBe(404);
    const mine = await api().json<UserOrganizationsAISpend>("/users/me/ai/spend/organizations", { as: "member" });
    expect(mine.body.organizations).toEqual([
      expect.objectContaining({ organization_name: "coder", effective_group_id: developers }),
    ]);
  });
});

describe("Coder's read set", () => {
  it("lets an Auditor read every row, the export and the report, and change nothing", async () => {
    const everyone = await api().json<{ members: unknown[] }>(
      `/groups/${developers}/members/ai/spend?user_ids=${["bob", "carol", "alice"].map(userId).join(",")}`,
      { as: "auditor" },
    );
    expect(everyone.body.members).toHaveLength(3);
    expect((await api().request("/organizations/coder/ai/spend/export", { as: "auditor" })).status).toBe(200);
    expect((await api().json("/organizations/coder/ai/spend/users", { as: "auditor" })).status).toBe(200);
    const write = await api().json(`/groups/${developers}/ai/budget`, {
      method: "PUT",
      body: JSON.stringify({ spend_limit_micros: 1 }),
      as: "auditor",
    });
    expect(write.status).toBe(404);
    const rename = await api().json(`/groups/${developers}`, {
      method: "PATCH",
      body: JSON.stringify({ display_name: "x", add_users: [], remove_users: [] }),
      as: "auditor",
    });
    expect(rename.status).toBe(404);
  });
});

describe("the per-user report", () => {
  it("pages users most expensive first, with the count and the totals of all", async () => {
    const first = await api().json<AISpendUsersReport>("/organizations/coder/ai/spend/users?limit=2", { as: "admin" });
    expect(first.status).toBe(200);
    expect(first.body.users).toHaveLength(2);
    const all = await api().json<AISpendUsersReport>("/organizations/coder/ai/spend/users?limit=100", { as: "admin" });
    expect(all.body.count).toBe(all.body.users.length);
    const costs = all.body.users.map((u) => u.cost_micros);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    expect(all.body.totals.cost_micros).toBe(costs.reduce((a, b) => a + b, 0));
    const second = await api().json<AISpendUsersReport>("/organizations/coder/ai/spend/users?limit=2&offset=2", {
      as: "admin",
    });
    expect(second.body.users).toEqual(all.body.users.slice(2, 4));
  });

  it("filters by client on the server, and counts unpriced usage", async () => {
    await record("alice", { spend_micros: 1, model: "m-x", client: "Cursor" });
    await record("heidi", { spend_micros: 2_000_000, model: "m-y", client: "Claude Code", input_tokens: 5 });
    const cursor = await api().json<AISpendUsersReport>("/organizations/coder/ai/spend/users?client=Cursor", {
      as: "admin",
    });
    expect(cursor.body.users.map((u) => [u.username, u.clients, u.models])).toEqual([["alice", ["Cursor"], ["m-x"]]]);
    expect(cursor.body.totals.unpriced_usage_count).toBe(0);
  });

  it("refuses a limit above 100, an unknown parameter and a repeated one", async () => {
    for (const query of ["limit=101", "user=bob", "model=a&model=b", "client="]) {
      const answer = await api().json<{ message: string }>(`/organizations/coder/ai/spend/users?${query}`, {
        as: "admin",
      });
      expect([query, answer.status, answer.body.message]).toEqual([
        query,
        400,
        "Query parameters have invalid values.",
      ]);
    }
  });
});

describe("the export's filters, strictness and size", () => {
  const exportText = async (query: string, as = "admin") => {
    const response = await api().request(`/organizations/coder/ai/spend/export${query}`, { as });
    return { status: response.status, text: await response.text() };
  };

  it("applies user, group, provider name and model on the server", async () => {
    const bob = userId("bob");
    const { text } = await exportText(`?user_id=${bob}`);
    const lines = text.trimEnd().split("\n").slice(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.startsWith(`${bob},`))).toBe(true);
    const byGroup = (await exportText(`?group_id=${groupId("contractors")}`)).text.trimEnd().split("\n").slice(1);
    expect(byGroup.every((line) => line.split(",")[3] === "contractors")).toBe(true);
  });

  it("refuses a February 30, hour 24, a repeated or an empty parameter; answers year 0000 without a 5xx", async () => {
    for (const query of [
      "?period_start=2026-02-30T00:00:00Z&period_end=2026-03-02T00:00:00Z",
      "?period_start=2026-03-01T24:00:00Z&period_end=2026-03-02T00:00:00Z",
      "?model=a&model=b",
      "?provider_name=",
    ]) {
      expect([query, (await exportText(query)).status]).toEqual([query, 400]);
    }
    const ancient = await exportText("?period_start=0000-01-01T00:00:00Z&period_end=0000-01-02T00:00:00Z");
    expect(ancient.status).toBe(200);
    expect(ancient.text.trimEnd().split("\n")).toHaveLength(1);
  });

  it("streams many users in Coder's order, every row exact", async () => {
    // frank's spend is charged in the other organization (gpu-lab governs him).
    const many = SEED_USERS.filter((u) => !u.notInDefault && u.username !== "frank").map((u) => u.username);
    for (let round = 0; round < 4; round++) {
      for (const user of many) await record(user, { spend_micros: 1 + round, model: `m-${round}`, provider: "zeta" });
    }
    const { text } = await exportText("?provider_name=zeta");
    const rows = text
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","));
    expect(rows).toHaveLength(many.length * 4);
    const keys = rows.map((r) => [r[0], r[2], r[7], r[8], r[6]].join("|"));
    expect(keys).toEqual([...keys].sort());
  });

  it("says 404 for an organization outside the caller's, 403 to a member without the read set", async () => {
    expect((await exportText("", "researchadmin")).status).toBe(404);
    expect((await exportText("", "member")).status).toBe(403);
  });
});

describe("the retention window", () => {
  it("narrows the default period and refuses an explicit start older than it, in Coder's words", async () => {
    api().deps.aiRetentionMs = 60 * 86_400_000;
    try {
      const old = await api().json<{ message: string }>(
        "/organizations/coder/ai/spend/export?period_start=2020-01-01T00:00:00Z&period_end=2020-01-02T00:00:00Z",
        { as: "admin" },
      );
      expect(old.status).toBe(400);
      expect(old.body.message).toBe(
        'Query parameter "period_start" is older than the configured AI Gateway data retention window (1440h0m0s).',
      );
      api().deps.aiRetentionMs = 86_400_000;
      const report = await api().json<AISpendUsersReport>("/organizations/coder/ai/spend/users", { as: "admin" });
      const monthStart = Date.parse(`${report.body.period_start.slice(0, 8)}01T00:00:00Z`);
      // On the month's first day the window does not reach back past its start.
      if (Date.now() - 86_400_000 > monthStart) {
        expect(report.body.retention_start).toBeDefined();
        expect(report.body.period_start).toBe(report.body.retention_start);
      }
    } finally {
      api().deps.aiRetentionMs = undefined;
    }
  });
});
