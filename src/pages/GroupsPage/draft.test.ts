import { MockBudget, MockGroup, MockMembers } from "../../testHelpers/entities";
import { readDraft, writeDraft } from "./draft";

describe("drafts", () => {
  it("keep what the admin typed and what it was based on, without the member list", () => {
    const members = Array.from({ length: 10_000 }, (_, i) => ({ ...MockMembers[0]!, id: `user-${i}`, username: `user${i}` }));
    const group = { ...MockGroup, members, total_member_count: members.length };
    const values = { name: "renamed", display_name: "Renamed", avatar_url: "", quota_allowance: "0", monthly_budget_per_member: "12.5" };
    writeDraft(group.id, { values, baseline: { group, budget: { ...MockBudget, etag: '"v1"' } } });
    const stored = sessionStorage.getItem(`group-settings-draft:${group.id}`)!;
    // A few hundred bytes, not megabytes, however large the group.
    expect(stored.length).toBeLessThan(2_000);
    const draft = readDraft(group.id)!;
    expect(draft.values).toEqual(values);
    expect(draft.baseline.group).toMatchObject({ id: group.id, name: group.name, total_member_count: 10_000, members: [] });
    expect(draft.baseline.budget?.etag).toBe('"v1"');
  });
});
