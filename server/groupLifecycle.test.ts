// Listing organizations, and creating and deleting groups, through HTTP as
// Coder answers them: who may, what is refused with which message, what a
// delete takes with it, and the audit rows both write.
import { describe, expect, it } from "vitest";
import type { AuditLogResponse, Group, Organization } from "../core/types";
import { ORGANIZATION_ID, SECOND_ORGANIZATION_ID, SEED_GROUPS } from "./seed";
import { useTestApi } from "./testHarness";

const api = useTestApi();
const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
const post = (body: unknown, as = "admin") => ({ method: "POST", body: JSON.stringify(body), as });

describe("GET /organizations", () => {
  it("lists every organization to an Owner, the default first", async () => {
    const { status, body } = await api().json<Organization[]>("/organizations", { as: "admin" });
    expect(status).toBe(200);
    expect(body.map((o) => [o.name, o.is_default])).toEqual([
      ["coder", true],
      ["research", false],
    ]);
    expect(body[0]).toMatchObject({ id: ORGANIZATION_ID, display_name: "Coder", description: "", icon: "" });
  });

  it("lists to others only the organizations they are members of", async () => {
    const member = await api().json<Organization[]>("/organizations", { as: "member" });
    expect(member.body.map((o) => o.name)).toEqual(["coder"]);
    const research = await api().json<Organization[]>("/organizations", { as: "researchadmin" });
    expect(research.body.map((o) => o.id)).toEqual([SECOND_ORGANIZATION_ID]);
    const frank = await api().json<Organization[]>("/organizations", { as: "frank" });
    expect(frank.body.map((o) => o.name)).toEqual(["coder", "research"]);
  });
});

describe("POST /organizations/{o}/groups", () => {
  it("creates a group with no members, answers 201 and audits it", async () => {
    const created = await api().json<Group>(
      "/organizations/coder/groups",
      post({ name: "qa", display_name: "Quality", avatar_url: "", quota_allowance: 2 }, "orgadmin"),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "qa",
      display_name: "Quality",
      organization_id: ORGANIZATION_ID,
      members: [],
      total_member_count: 0,
      quota_allowance: 2,
    });
    const list = await api().json<Group[]>("/organizations/coder/groups", { as: "orgadmin" });
    expect(list.body.map((g) => g.name)).toContain("qa");
    const audit = await api().json<AuditLogResponse>("/audit?limit=1", { as: "admin" });
    expect(audit.body.audit_logs[0]).toMatchObject({
      action: "create",
      resource_type: "group",
      resource_id: created.body.id,
      resource_target: "qa",
      username: "orgadmin",
      status_code: 201,
    });
  });

  it("refuses a taken name with 409 and Coder's message, and creates nothing", async () => {
    const { status, body } = await api().json("/organizations/coder/groups", post({ name: "developers" }));
    expect(status).toBe(409);
    expect(body).toEqual({
      message: 'A group named "developers" already exists.',
      validations: [{ field: "name", detail: "Group names must be unique" }],
    });
    const audit = await api().json<AuditLogResponse>("/audit", { as: "admin" });
    expect(audit.body.count).toBe(0);
  });

  it("refuses bad names on the field, and Everyone as reserved", async () => {
    const long = await api().json<{ validations: { field: string }[] }>(
      "/organizations/coder/groups",
      post({ name: "x".repeat(33) }),
    );
    expect(long.status).toBe(400);
    expect(long.body.validations.map((v) => v.field)).toEqual(["name"]);
    const everyone = await api().json("/organizations/coder/groups", post({ name: "Everyone" }));
    expect(everyone).toEqual({
      status: 400,
      body: {
        message: "Invalid group name.",
        validations: [{ field: "name", detail: '"Everyone" is a reserved group name' }],
      },
    });
    const missing = await api().json("/organizations/coder/groups", post({ quota_allowance: -1 }));
    expect(missing.status).toBe(400);
  });

  it("is only for those who manage the organization's groups", async () => {
    expect((await api().request("/organizations/coder/groups", post({ name: "qa" }, "member"))).status).toBe(404);
    expect((await api().request("/organizations/coder/groups", post({ name: "qa" }, "researchadmin"))).status).toBe(
      404,
    );
    expect((await api().request("/organizations/research/groups", post({ name: "qa" }, "researchadmin"))).status).toBe(
      201,
    );
    expect((await api().request("/organizations/research/groups", post({ name: "qb" }, "useradmin"))).status).toBe(201);
  });
});

describe("DELETE /groups/{g}", () => {
  it("deletes the group with its budget and the overrides charged to it, audited", async () => {
    const override = await api().request("/users/bob/ai/budget/override", {
      method: "PUT",
      body: JSON.stringify({ group_id: developers.id, spend_limit_micros: 5_000_000 }),
      as: "admin",
    });
    expect(override.status).toBe(200);
    const deleted = await api().json(`/groups/${developers.id}`, { method: "DELETE", as: "orgadmin" });
    expect(deleted).toEqual({ status: 200, body: { message: "Successfully deleted group!" } });
    expect((await api().request(`/groups/${developers.id}`, { as: "admin" })).status).toBe(404);
    expect((await api().request("/users/bob/ai/budget/override", { as: "admin" })).status).toBe(404);
    expect(await api().store.budgets.of(developers.id)).toBeUndefined();
    const audit = await api().json<AuditLogResponse>("/audit?limit=1", { as: "admin" });
    expect(audit.body.audit_logs[0]).toMatchObject({
      action: "delete",
      resource_type: "group",
      resource_target: "developers",
      diff: {
        spend_limit_micros: { old: "$1,000.00", new: "no budget" },
        overrides_removed: { old: ["bob"], new: [] },
      },
    });
    // A second delete (another admin's, a moment later) finds nothing.
    expect((await api().request(`/groups/${developers.id}`, { method: "DELETE", as: "admin" })).status).toBe(404);
  });

  it("refuses the Everyone group with Coder's message", async () => {
    const { status, body } = await api().json(`/groups/${ORGANIZATION_ID}`, { method: "DELETE", as: "admin" });
    expect(status).toBe(400);
    expect(body).toEqual({ message: '"Everyone" is a reserved group and cannot be deleted!' });
  });

  it("is only for those who manage the organization's groups", async () => {
    expect((await api().request(`/groups/${developers.id}`, { method: "DELETE", as: "member" })).status).toBe(404);
    expect((await api().request(`/groups/${developers.id}`, { method: "DELETE", as: "researchadmin" })).status).toBe(
      404,
    );
    expect((await api().request(`/groups/${developers.id}`, { as: "member" })).status).toBe(200);
  });
});
