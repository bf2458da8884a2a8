// An admin of one organization must not reach another organization's groups,
// budgets, spend or members' overrides, on any route, even as a plain member
// of that other organization. The demo seed has two organizations: `coder`
// (orgadmin administers it) and `research` (gpu-lab, whose member is frank).
// Here heidi, a plain member of `coder`, is made admin of `research`, and
// orgadmin a plain member of `research`.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AuthorizationResponse, GroupsAISpendResponse } from "../core/types";
import { ORGANIZATION_ID, SECOND_ORGANIZATION_ID, SEED_GROUPS, SEED_USERS } from "./seedData";
import { openTestApi, type TestApi } from "./testHarness";

const groupId = (name: string) => SEED_GROUPS.find((g) => g.name === name)!.id;
const userId = (name: string) => SEED_USERS.find((u) => u.username === name)!.id;
const developers = groupId("developers");
const gpuLab = groupId("gpu-lab");

let api: TestApi;
beforeAll(async () => {
  api = await openTestApi();
});
beforeEach(async () => {
  await api.reset();
  await api.db.query(
    `INSERT INTO organization_members (organization_id, user_id, roles, created_at) VALUES
       ($1, $2, '{organization-admin}', now()),
       ($1, $3, '{}', now())`,
    [SECOND_ORGANIZATION_ID, userId("heidi"), userId("orgadmin")],
  );
});
afterAll(async () => {
  await api.close();
});

/** One organization's admin, the other organization's group, and its organization's name. */
const cases = [
  {
    admin: "orgadmin",
    ownGroup: developers,
    otherGroup: gpuLab,
    otherGroupName: "gpu-lab",
    otherOrganization: "research",
    otherMember: "frank",
  },
  {
    admin: "heidi",
    ownGroup: gpuLab,
    otherGroup: developers,
    otherGroupName: "developers",
    otherOrganization: "coder",
    otherMember: "alice",
  },
] as const;

describe.each(cases)(
  "$admin, an admin of one organization only",
  ({ admin, ownGroup, otherGroup, otherGroupName, otherOrganization, otherMember }) => {
    const put = (body: unknown) => ({ method: "PUT", body: JSON.stringify(body), as: admin });

    it("changes the budget of a group in their own organization", async () => {
      expect((await api.json(`/groups/${ownGroup}/ai/budget`, put({ spend_limit_micros: 7 }))).status).toBe(200);
      expect(
        (
          await api.json(`/groups/${ownGroup}`, {
            method: "PATCH",
            body: JSON.stringify({ display_name: "Mine" }),
            as: admin,
          })
        ).status,
      ).toBe(200);
    });

    it("cannot change, remove or read the other organization's group budget, and nothing changes", async () => {
      const before = await api.json(`/groups/${otherGroup}/ai/budget`, { as: "admin" });
      expect((await api.json(`/groups/${otherGroup}/ai/budget`, put({ spend_limit_micros: 7 }))).status).toBe(404);
      expect((await api.request(`/groups/${otherGroup}/ai/budget`, { method: "DELETE", as: admin })).status).toBe(404);
      expect((await api.json(`/groups/${otherGroup}/ai/budget`, { as: admin })).status).toBe(404);
      expect(await api.json(`/groups/${otherGroup}/ai/budget`, { as: "admin" })).toEqual(before);
    });

    it("cannot rename or read the other organization's group", async () => {
      const patch = { method: "PATCH", body: JSON.stringify({ display_name: "Taken over" }), as: admin };
      expect((await api.json(`/groups/${otherGroup}`, patch)).status).toBe(404);
      expect((await api.json(`/groups/${otherGroup}`, { as: admin })).status).toBe(404);
      expect(
        (await api.json(`/organizations/${otherOrganization}/groups/${otherGroupName}`, { as: admin })).status,
      ).toBe(404);
      const listed = await api.json<{ id: string }[]>(`/organizations/${otherOrganization}/groups`, { as: admin });
      expect(listed.body.map((g) => g.id)).not.toContain(otherGroup);
      expect(
        (await api.json<{ display_name: string }>(`/groups/${otherGroup}`, { as: "admin" })).body.display_name,
      ).not.toBe("Taken over");
    });

    it("sees no spend of the other organization's group or its members", async () => {
      const members = await api.json(`/groups/${otherGroup}/members/ai/spend?user_ids=${userId(otherMember)}`, {
        as: admin,
      });
      expect(members.status).toBe(404);
      const groups = await api.json<GroupsAISpendResponse>(
        `/organizations/${otherOrganization}/groups/ai/spend?group_ids=${otherGroup}`,
        { as: admin },
      );
      expect(groups.body.groups).toEqual([]);
    });

    it("is told by authcheck that they may not update the other organization's group", async () => {
      const checks = {
        own: { object: { resource_type: "group", resource_id: ownGroup }, action: "update" },
        other: { object: { resource_type: "group", resource_id: otherGroup }, action: "update" },
        otherRead: { object: { resource_type: "group", resource_id: otherGroup }, action: "read" },
        createInOther: {
          object: {
            resource_type: "group",
            organization_id: otherGroup === gpuLab ? SECOND_ORGANIZATION_ID : ORGANIZATION_ID,
          },
          action: "write",
        },
      };
      const answer = await api.json<AuthorizationResponse>("/authcheck", {
        method: "POST",
        body: JSON.stringify({ checks }),
        as: admin,
      });
      expect(answer.body).toEqual({ own: true, other: false, otherRead: false, createInOther: false });
    });
  },
);

describe("overrides across organizations", () => {
  it("a research admin cannot read the override or spend of a user who is only in coder", async () => {
    const set = await api.json("/users/alice/ai/budget/override", {
      method: "PUT",
      body: JSON.stringify({ group_id: developers, spend_limit_micros: 5_000_000 }),
      as: "admin",
    });
    expect(set.status).toBe(200);
    expect((await api.json("/users/alice/ai/budget/override", { as: "orgadmin" })).status).toBe(200);
    expect((await api.json("/users/alice/ai/budget/override", { as: "heidi" })).status).toBe(404);
    expect((await api.json("/users/alice/ai/spend", { as: "heidi" })).status).toBe(404);
    expect((await api.json("/users/alice/ai/spend", { as: "orgadmin" })).status).toBe(200);
  });

  it("no organization admin may set an override, in either organization", async () => {
    for (const as of ["orgadmin", "heidi"]) {
      const write = await api.json("/users/frank/ai/budget/override", {
        method: "PUT",
        body: JSON.stringify({ group_id: gpuLab, spend_limit_micros: 1 }),
        as,
      });
      expect(write.status).toBe(404);
    }
    expect((await api.json("/users/frank/ai/budget/override", { as: "admin" })).status).toBe(404);
  });
});
