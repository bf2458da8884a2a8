// Who may do what, by Coder's roles, with two organizations: an admin of one
// organization has no say in the other, whatever their membership there.
import { describe, expect, it } from "vitest";
import type { AuthorizationCheck } from "../types";
import {
  authorize,
  canReadAuditLogs,
  canReadUserBudget,
  canUpdateGroup,
  canUpdateUsers,
  isOwner,
  type Viewer,
} from "./permissions";

const CODER = "org-coder";
const RESEARCH = "org-research";
const viewer = (siteRoles: string[], memberships: Viewer["memberships"] = [], id = "me"): Viewer => ({
  id,
  siteRoles,
  memberships,
});

const owner = viewer(["owner"]);
const userAdmin = viewer(["user-admin"]);
const auditor = viewer(["auditor"], [{ organization_id: CODER, roles: ["organization-auditor"] }]);
const coderAdmin = viewer(
  [],
  [
    { organization_id: CODER, roles: ["organization-admin"] },
    { organization_id: RESEARCH, roles: [] },
  ],
);
const coderUserAdmin = viewer([], [{ organization_id: CODER, roles: ["organization-user-admin"] }]);
const member = viewer([], [{ organization_id: CODER, roles: ["organization-member"] }]);

describe("roles", () => {
  it("Owners and User Admins manage users; nobody else", () => {
    expect([owner, userAdmin, coderAdmin, coderUserAdmin, member, auditor].map(canUpdateUsers)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect([owner, userAdmin, coderAdmin].map(isOwner)).toEqual([true, false, false]);
  });

  it("an organization's admins and user admins update its groups, and only its own", () => {
    expect(canUpdateGroup(coderAdmin, CODER)).toBe(true);
    expect(canUpdateGroup(coderUserAdmin, CODER)).toBe(true);
    expect(canUpdateGroup(coderAdmin, RESEARCH)).toBe(false);
    expect(canUpdateGroup(coderUserAdmin, RESEARCH)).toBe(false);
    expect(canUpdateGroup(member, CODER)).toBe(false);
    expect(canUpdateGroup(auditor, CODER)).toBe(false);
    expect(canUpdateGroup(owner, RESEARCH)).toBe(true);
    expect(canUpdateGroup(userAdmin, RESEARCH)).toBe(true);
  });

  it("a user's budget is read by themselves, Owners, User Admins and admins of an organization they are in", () => {
    expect(canReadUserBudget(member, "me", [CODER])).toBe(true);
    expect(canReadUserBudget(member, "someone", [CODER])).toBe(false);
    expect(canReadUserBudget(userAdmin, "someone", [])).toBe(true);
    expect(canReadUserBudget(coderAdmin, "someone", [CODER])).toBe(true);
    expect(canReadUserBudget(coderAdmin, "someone", [RESEARCH])).toBe(false);
    expect(canReadUserBudget(coderAdmin, "someone", [RESEARCH, CODER])).toBe(true);
    expect(canReadUserBudget(coderAdmin, "someone", [])).toBe(false);
  });

  it("the audit log is for Owners and organization admins", () => {
    expect([owner, coderAdmin, userAdmin, coderUserAdmin, member, auditor].map(canReadAuditLogs)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("authorization checks", () => {
  const groups: Record<string, string> = { developers: CODER, "gpu-lab": RESEARCH };
  const members: Record<string, string[]> = { developers: ["me"], "gpu-lab": ["frank"] };
  const facts = {
    groupOrganization: (id: string) => groups[id],
    isGroupMember: async (groupId: string, userId: string) => members[groupId]?.includes(userId) ?? false,
  };
  const check = (
    resource_type: string,
    action: string,
    object: Partial<AuthorizationCheck["object"]> = {},
  ): AuthorizationCheck => ({ object: { resource_type, ...object }, action }) as AuthorizationCheck;
  const ask = (who: Viewer, c: AuthorizationCheck) => authorize(who, c, facts);

  it("updating a group: its organization's admins, not the other organization's", async () => {
    expect(await ask(coderAdmin, check("group", "update", { resource_id: "developers" }))).toBe(true);
    expect(await ask(coderAdmin, check("group", "update", { resource_id: "gpu-lab" }))).toBe(false);
    expect(await ask(owner, check("group", "update", { resource_id: "gpu-lab" }))).toBe(true);
    expect(await ask(member, check("group", "update", { resource_id: "developers" }))).toBe(false);
  });

  it("reading a group: also its members, but a member may not update it", async () => {
    expect(await ask(member, check("group", "read", { resource_id: "developers" }))).toBe(true);
    expect(
      await ask(
        viewer([], [{ organization_id: RESEARCH, roles: [] }], "frank"),
        check("group", "read", { resource_id: "gpu-lab" }),
      ),
    ).toBe(true);
    expect(
      await ask(
        viewer([], [{ organization_id: RESEARCH, roles: [] }], "frank"),
        check("group", "update", { resource_id: "gpu-lab" }),
      ),
    ).toBe(false);
    expect(await ask(coderAdmin, check("group", "read", { resource_id: "gpu-lab" }))).toBe(false);
    expect(await ask(viewer([], [], "stranger"), check("group", "read", { resource_id: "developers" }))).toBe(false);
  });

  it("an unknown group is nobody's, not even an Owner's", async () => {
    expect(await ask(owner, check("group", "update", { resource_id: "gone" }))).toBe(false);
    expect(await ask(owner, check("group", "read", { resource_id: "gone" }))).toBe(false);
  });

  it("groups of an organization, without an id: that organization's admins", async () => {
    expect(await ask(coderAdmin, check("group", "create", { organization_id: CODER }))).toBe(true);
    expect(await ask(coderAdmin, check("group", "create", { organization_id: RESEARCH }))).toBe(false);
    expect(await ask(coderAdmin, check("group", "create"))).toBe(false);
    expect(await ask(userAdmin, check("group", "create"))).toBe(true);
  });

  it("users: reading for any group admin, updating for Owners and User Admins", async () => {
    expect(await ask(coderAdmin, check("user", "read"))).toBe(true);
    expect(await ask(member, check("user", "read"))).toBe(false);
    expect(await ask(userAdmin, check("user", "read"))).toBe(true);
    expect(await ask(coderAdmin, check("user", "update"))).toBe(false);
    expect(await ask(userAdmin, check("user", "update"))).toBe(true);
  });

  it("a malformed check (null, no object) is refused, not an error", async () => {
    expect(await ask(member, null as unknown as AuthorizationCheck)).toBe(false);
    expect(await ask(member, { action: "read" } as unknown as AuthorizationCheck)).toBe(false);
  });

  it("anything else: Owners only", async () => {
    expect(await ask(owner, check("deployment_config", "read"))).toBe(true);
    expect(await ask(userAdmin, check("deployment_config", "read"))).toBe(false);
    expect(await ask(coderAdmin, check("deployment_config", "read"))).toBe(false);
  });
});
