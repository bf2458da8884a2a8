// The third red team: an organization admin of `coder` read `research`'s
// budget, spend and override of frank, a member of both, through the user
// routes. Coder's members-spend route hides a governing group of another
// organization; these routes now answer 404 to such a reader as well.
import { describe, expect, it } from "vitest";
import { SEED_GROUPS } from "./seed";
import { useTestApi } from "./testHarness";

const developers = SEED_GROUPS.find((g) => g.name === "developers")!.id;
const gpuLab = SEED_GROUPS.find((g) => g.name === "gpu-lab")!.id;
const api = useTestApi();

const setOverride = (groupId: string) =>
  api().json("/users/frank/ai/budget/override", {
    method: "PUT",
    body: JSON.stringify({ group_id: groupId, spend_limit_micros: 3_000_000 }),
    as: "admin",
  });

describe("a user's budget charged to another organization's group", () => {
  it("is not read through /users/{u}/ai/spend by an admin of the other organization only", async () => {
    expect((await api().json("/users/frank/ai/spend", { as: "orgadmin" })).status).toBe(404);
    for (const reader of ["admin", "researchadmin", "frank"]) {
      const answer = await api().json<{ effective_group_id: string }>("/users/frank/ai/spend", { as: reader });
      expect(answer, reader).toMatchObject({ status: 200, body: { effective_group_id: gpuLab } });
    }
  });

  it("is not read through /users/{u}/ai/budget/override by an admin of the other organization only", async () => {
    expect((await setOverride(gpuLab)).status).toBe(200);
    expect((await api().json("/users/frank/ai/budget/override", { as: "orgadmin" })).status).toBe(404);
    expect((await api().json("/users/frank/ai/spend", { as: "orgadmin" })).status).toBe(404);
    for (const reader of ["admin", "researchadmin", "frank"])
      expect((await api().json("/users/frank/ai/budget/override", { as: reader })).status, reader).toBe(200);
  });

  it("is read by the admins of the organization it is charged to", async () => {
    expect((await setOverride(developers)).status).toBe(200);
    expect(await api().json("/users/frank/ai/budget/override", { as: "orgadmin" })).toMatchObject({
      status: 200,
      body: { group_id: developers },
    });
    expect((await api().json("/users/frank/ai/spend", { as: "orgadmin" })).status).toBe(200);
    expect((await api().json("/users/frank/ai/budget/override", { as: "researchadmin" })).status).toBe(404);
  });
});
