import { MockBudget, MockGroup, MockMembers } from "../../../testHelpers/entities";
import { vi } from "vitest";
import { clearDraft, readDraft, writeDraft } from "./draft";

describe("drafts", () => {
  it("keep what the admin typed and what it was based on, without the member list", () => {
    const members = Array.from({ length: 10_000 }, (_, i) => ({
      ...MockMembers[0]!,
      id: `user-${i}`,
      username: `user${i}`,
    }));
    const group = { ...MockGroup, members, total_member_count: members.length };
    const values = {
      name: "renamed",
      display_name: "Renamed",
      avatar_url: "",
      quota_allowance: "0",
      monthly_budget_per_member: "12.5",
    };
    writeDraft(group.id, { values, baseline: { group, budget: { ...MockBudget, etag: '"v1"' } } });
    const stored = sessionStorage.getItem(`group-settings-draft:${group.id}`)!;
    // A few hundred bytes, not megabytes, however large the group.
    expect(stored.length).toBeLessThan(2_000);
    const draft = readDraft(group.id)!;
    expect(draft.values).toEqual(values);
    expect(draft.baseline.group).toMatchObject({
      id: group.id,
      name: group.name,
      total_member_count: 10_000,
      members: [],
    });
    expect(draft.baseline.budget?.etag).toBe('"v1"');
  });
});

describe("drafts that cannot be kept", () => {
  const values = {
    name: "developers",
    display_name: "",
    avatar_url: "",
    quota_allowance: "0",
    monthly_budget_per_member: "5",
  };
  const draft = { values, baseline: { group: MockGroup, budget: null } };

  it("are gone once cleared, for that group only", () => {
    writeDraft("g1", draft);
    writeDraft("g2", draft);
    clearDraft("g1");
    expect(readDraft("g1")).toBeUndefined();
    expect(readDraft("g2")?.values).toEqual(values);
  });

  it("read as none when what is stored is not a draft", () => {
    sessionStorage.setItem("group-settings-draft:g1", "{not json");
    expect(readDraft("g1")).toBeUndefined();
    expect(readDraft("never-written")).toBeUndefined();
  });

  it("leave the form working when storage is full or blocked", () => {
    const full = vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    const blocked = vi.spyOn(Storage.prototype, "removeItem").mockImplementation(() => {
      throw new DOMException("blocked", "SecurityError");
    });
    expect(() => writeDraft("g1", draft)).not.toThrow();
    expect(() => clearDraft("g1")).not.toThrow();
    full.mockRestore();
    blocked.mockRestore();
    expect(readDraft("g1")).toBeUndefined();
  });
});
