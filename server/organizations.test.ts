// Two organizations: each one's admins see and change only their own; every
// change to a group is audited, and the audit log is read per organization.
import { beforeEach, describe, expect, it } from "vitest";
import type { AuditLogResponse, Group, GroupMembersAISpendResponse } from "../core/types";
import { ORGANIZATION_ID, SECOND_ORGANIZATION_ID, SEED_GROUPS, SEED_USERS } from "./seed";
import { useTestApi } from "./testHarness";

const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
const gpuLab = SEED_GROUPS.find((g) => g.name === "gpu-lab")!;
const userId = (name: string) => SEED_USERS.find((u) => u.username === name)!.id;
const patch = (body: unknown) => ({ method: "PATCH", body: JSON.stringify(body) });
const putBudget = (micros: number) => ({ method: "PUT", body: JSON.stringify({ spend_limit_micros: micros }) });

const api = useTestApi();

async function auditRows(as: string, query = "") {
  const { status, body } = await api().json<AuditLogResponse>(`/audit${query}`, { as });
  expect(status).toBe(200);
  return body;
}

describe("the audit log, per organization", () => {
  beforeEach(async () => {
    expect(
      (await api().request(`/groups/${developers.id}/ai/budget`, { ...putBudget(5_000_000), as: "admin" })).status,
    ).toBe(200);
    expect(
      (await api().request(`/groups/${gpuLab.id}/ai/budget`, { ...putBudget(7_000_000), as: "admin" })).status,
    ).toBe(200);
  });

  it("shows the second organization's admin only that organization's rows", async () => {
    const rows = await auditRows("researchadmin");
    expect(rows.count).toBe(1);
    expect(rows.audit_logs.map((r) => [r.organization_id, r.resource_target])).toEqual([
      [SECOND_ORGANIZATION_ID, "gpu-lab"],
    ]);
  });

  it("shows the first organization's admin only that organization's rows", async () => {
    const rows = await auditRows("orgadmin");
    expect(rows.count).toBe(1);
    expect(rows.audit_logs.map((r) => [r.organization_id, r.resource_target])).toEqual([
      [ORGANIZATION_ID, "developers"],
    ]);
  });

  it("shows an Owner every row", async () => {
    expect((await auditRows("admin")).count).toBe(2);
  });
});

describe("the second organization's admin", () => {
  it.each([
    ["bob's spend", "/users/bob/ai/spend"],
    ["bob's override", "/users/bob/ai/budget/override"],
    ["developers", `/groups/${developers.id}`],
    ["developers' budget", `/groups/${developers.id}/ai/budget`],
    ["developers' members' spend", `/groups/${developers.id}/members/ai/spend?user_ids=${userId("bob")}`],
  ])("gets 404 for %s, in the first organization", async (_, path) => {
    const { status, body } = await api().json(path, { as: "researchadmin" });
    expect(status).toBe(404);
    expect(JSON.stringify(body)).not.toContain(userId("bob"));
  });

  it("is told nothing of the first organization: 404 on its groups, their spend and its export, as Coder answers", async () => {
    const notFound = { message: "Resource not found or you do not have access to this resource" };
    for (const path of [
      "/organizations/coder/groups",
      `/organizations/${ORGANIZATION_ID}/groups`,
      "/organizations/coder/groups/developers",
      `/organizations/coder/groups/ai/spend?group_ids=${developers.id},${ORGANIZATION_ID}`,
      "/organizations/coder/ai/spend/export",
      "/organizations/coder/ai/spend/users",
      `/organizations/coder/groups/developers/members/ai/spend?user_ids=${userId("bob")}`,
    ]) {
      const answer = await api().json(path, { as: "researchadmin" });
      expect([path, answer.status, answer.body]).toEqual([path, 404, notFound]);
    }
  });

  it("cannot add a user of the first organization to a group of the second", async () => {
    const { status, body } = await api().json<{ message: string }>(`/groups/${gpuLab.id}`, {
      ...patch({ add_users: [userId("bob")] }),
      as: "researchadmin",
    });
    expect(status).toBe(400);
    expect(body.message).toBe('User must be a member of organization "gpu-lab"');
    const group = await api().json<Group>(`/groups/${gpuLab.id}`, { as: "admin" });
    expect(group.body.members.map((m) => m.username)).toEqual(["frank"]);
  });

  it("adds a member of the second organization", async () => {
    const { status, body } = await api().json<Group>(`/groups/${gpuLab.id}`, {
      ...patch({ add_users: [userId("researchadmin")] }),
      as: "researchadmin",
    });
    expect(status).toBe(200);
    expect(body.members.map((m) => m.username)).toEqual(["frank", "researchadmin"]);
  });
});

describe("add_users", () => {
  it("refuses, even to an Owner, a user outside the group's organization and a user who does not exist", async () => {
    for (const outsider of [userId("researchadmin"), "00000000-0000-4000-8000-00000000beef"]) {
      const { status } = await api().json(`/groups/${developers.id}`, {
        ...patch({ add_users: [outsider] }),
        as: "admin",
      });
      expect(status).toBe(400);
    }
    const group = await api().json<Group>(`/groups/${developers.id}`, { as: "admin" });
    expect(group.body.members.map((m) => m.username)).not.toContain("researchadmin");
  });
});

describe("a plain member", () => {
  it("sees only their own row in the Everyone group's members' spend, asked for everyone", async () => {
    const everyone = SEED_USERS.map((u) => u.id).join(",");
    const { status, body } = await api().json<GroupMembersAISpendResponse>(
      `/groups/${ORGANIZATION_ID}/members/ai/spend?user_ids=${everyone}`,
      { as: "member" },
    );
    expect(status).toBe(200);
    expect(body.members.map((m) => m.user_id)).toEqual([userId("member")]);
  });

  it("reads neither the audit log nor bob's spend", async () => {
    expect((await api().json("/audit", { as: "member" })).status).toBe(404);
    expect((await api().json("/users/bob/ai/spend", { as: "member" })).status).toBe(404);
  });
});

describe("audited group changes", () => {
  it("writes one audit row for a rename with membership changes, naming each", async () => {
    const { status } = await api().json(`/groups/${developers.id}`, {
      ...patch({
        name: "engineers",
        display_name: "Engineers",
        add_users: [userId("grace")],
        remove_users: [userId("bob")],
      }),
      as: "orgadmin",
    });
    expect(status).toBe(200);
    const rows = (await auditRows("admin")).audit_logs.filter((r) => r.resource_type === "group");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "write",
      resource_id: developers.id,
      resource_target: "engineers",
      organization_id: ORGANIZATION_ID,
      username: "orgadmin",
      diff: {
        name: { old: "developers", new: "engineers" },
        display_name: { old: "Developers", new: "Engineers" },
        members_added: { old: [], new: ["grace"] },
        members_removed: { old: ["bob"], new: [] },
      },
    });
  });

  it("writes no row for a PATCH that changes nothing", async () => {
    const { status } = await api().json(`/groups/${developers.id}`, {
      ...patch({ name: "developers", remove_users: [userId("grace")] }),
      as: "admin",
    });
    expect(status).toBe(200);
    expect((await auditRows("admin")).audit_logs.filter((r) => r.resource_type === "group")).toEqual([]);
  });

  it("rolls back the audit row with a refused rename", async () => {
    const { status } = await api().json(`/groups/${developers.id}`, {
      ...patch({ name: "data-science" }),
      as: "admin",
    });
    expect(status).toBe(409);
    expect((await auditRows("admin")).count).toBe(0);
  });
});

describe("audit paging", () => {
  it.each(["limit=abc", "limit=1.5", "offset=-1", "offset=1e400", "offset=99999999999999999999", "limit=%00"])(
    "answers 400 to %s",
    async (query) => {
      expect((await api().json(`/audit?${query}`, { as: "admin" })).status).toBe(400);
    },
  );

  it("takes a huge limit as 1000", async () => {
    expect((await api().json(`/audit?limit=999999999&offset=999999999`, { as: "admin" })).status).toBe(200);
  });
});
