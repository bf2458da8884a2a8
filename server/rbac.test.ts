// The server's signed-in user, judged by the shared rules: the organization
// memberships it was loaded with decide, and a group is readable by its
// members as well as by those who may update it.
import { describe, expect, it } from "vitest";
import type { Store } from "./db/store";
import type { SessionUser } from "./httpapi";
import {
  canReadAuditLogs,
  canReadGroup,
  canReadUserBudget,
  canUpdateGroup,
  canUpdateUsers,
  isOwner,
  viewerOf,
} from "./rbac";

const CODER = "org-coder";
const RESEARCH = "org-research";
const user = (id: string, site_roles: string[], memberships: SessionUser["memberships"]): SessionUser =>
  ({ row: { id, site_roles }, hashedSecret: "", memberships }) as unknown as SessionUser;
const store = (members: Record<string, string[]>) =>
  ({
    memberships: { isMember: async (groupId: string, userId: string) => members[groupId]?.includes(userId) ?? false },
  }) as unknown as Store;

const coderAdmin = user(
  "olga",
  [],
  [
    { organization_id: CODER, roles: ["organization-admin"] },
    { organization_id: RESEARCH, roles: [] },
  ],
);
const userAdmin = user("uma", ["user-admin"], [{ organization_id: CODER, roles: [] }]);
const owner = user("ada", ["owner"], []);
const developers = { id: "developers", organization_id: CODER };
const gpuLab = { id: "gpu-lab", organization_id: RESEARCH };

describe("the signed-in user's rights", () => {
  it("is seen as its id, site roles and memberships", () => {
    expect(viewerOf(coderAdmin)).toEqual({ id: "olga", siteRoles: [], memberships: coderAdmin.memberships });
  });

  it("updates groups of the organization it administers only", () => {
    expect(canUpdateGroup(coderAdmin, developers)).toBe(true);
    expect(canUpdateGroup(coderAdmin, gpuLab)).toBe(false);
    expect(canUpdateGroup(userAdmin, gpuLab)).toBe(true);
  });

  it("reads a group it may update or belongs to, and no other", async () => {
    const members = store({ "gpu-lab": ["frank"] });
    expect(await canReadGroup(members, coderAdmin, developers)).toBe(true);
    expect(await canReadGroup(members, coderAdmin, gpuLab)).toBe(false);
    expect(await canReadGroup(members, user("frank", [], [{ organization_id: RESEARCH, roles: [] }]), gpuLab)).toBe(
      true,
    );
  });

  it("manages users, audit logs and budgets by role", () => {
    expect([owner, userAdmin, coderAdmin].map(isOwner)).toEqual([true, false, false]);
    expect([owner, userAdmin, coderAdmin].map(canUpdateUsers)).toEqual([true, true, false]);
    expect([owner, userAdmin, coderAdmin].map(canReadAuditLogs)).toEqual([true, false, true]);
    expect(canReadUserBudget(coderAdmin, "alice", [CODER])).toBe(true);
    expect(canReadUserBudget(coderAdmin, "frank-only-in-research", [RESEARCH])).toBe(false);
  });
});
