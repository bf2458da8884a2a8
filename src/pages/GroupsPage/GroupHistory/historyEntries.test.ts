import { describe, expect, it } from "vitest";
import type { AuditLog } from "../../../../core/types";
import { concernsGroup, historyEntriesOf, mergeHistory } from "./historyEntries";

let next = 0;
const row = (over: Partial<AuditLog>): AuditLog => ({
  id: `r${next++}`,
  time: "2026-11-14T10:00:00.000Z",
  action: "write",
  resource_type: "group_ai_budget",
  resource_id: "g",
  resource_target: "developers",
  user_id: "u",
  username: "admin",
  organization_id: "o",
  diff: {},
  description: "",
  status_code: 200,
  ...over,
});
const changes = (r: AuditLog) => historyEntriesOf(r, "developers").map((e) => [e.subject, e.change]);

describe("a group's history entries", () => {
  it("says a budget change from → to, set and removed", () => {
    const diff = (old: string, now: string) => ({ spend_limit_micros: { old, new: now } });
    expect(changes(row({ diff: diff("$1,000.00", "$1,234.00") }))).toEqual([
      ["Budget per member", "$1,000.00 → $1,234.00"],
    ]);
    expect(changes(row({ action: "create", diff: diff("no budget", "$0.00") }))).toEqual([
      ["Budget per member", "set $0.00"],
    ]);
    expect(changes(row({ action: "delete", diff: diff("$500.00", "no budget") }))).toEqual([
      ["Budget per member", "removed (was $500.00)"],
    ]);
  });

  it("says an override's change when it is or was charged to the group, and where it moved", () => {
    const override = (old: [string, string], now: [string, string]) =>
      row({
        resource_type: "user_ai_budget_override",
        resource_target: "alice",
        diff: { spend_limit_micros: { old: old[0], new: now[0] }, group: { old: old[1], new: now[1] } },
      });
    expect(changes(override(["no override", ""], ["$9,000.00", "developers"]))).toEqual([
      ["Override for alice", "set $9,000.00"],
    ]);
    expect(changes(override(["$9,000.00", "developers"], ["no override", ""]))).toEqual([
      ["Override for alice", "removed (was $9,000.00)"],
    ]);
    expect(changes(override(["$9,000.00", "developers"], ["$8,000.00", "developers"]))).toEqual([
      ["Override for alice", "$9,000.00 → $8,000.00"],
    ]);
    expect(changes(override(["$9,000.00", "developers"], ["$9,000.00", "platform"]))).toEqual([
      ["Override for alice", "removed (was $9,000.00) (moved to platform)"],
    ]);
    expect(concernsGroup(override(["$1.00", "platform"], ["$2.00", "platform"]), "developers")).toBe(false);
  });

  it("says who joined and left, and each renamed field", () => {
    expect(
      changes(
        row({
          resource_type: "group",
          diff: {
            display_name: { old: "", new: "Platform" },
            members_added: { old: [], new: ["grace", "heidi"] },
            members_removed: { old: ["alice"], new: [] },
          },
        }),
      ),
    ).toEqual([
      ["Display name", "none → Platform"],
      ["Members", "added grace, heidi"],
      ["Members", "removed alice"],
    ]);
  });
});

describe("merging the three searches", () => {
  const at = (day: number) => `2026-11-${String(day).padStart(2, "0")}T00:00:00.000Z`;
  it("shows only what no unloaded row can come before, newest first", () => {
    const a = { rows: [row({ id: "a20", time: at(20) }), row({ id: "a10", time: at(10) })], hasMore: true };
    const b = { rows: [row({ id: "b15", time: at(15) }), row({ id: "b5", time: at(5) })], hasMore: false };
    expect(mergeHistory([a, b]).rows.map((r) => r.id)).toEqual(["a20", "b15", "a10"]);
    expect(mergeHistory([a, b]).hasMore).toBe(true);
    expect(mergeHistory([{ ...a, hasMore: false }, b]).rows.map((r) => r.id)).toEqual(["a20", "b15", "a10", "b5"]);
  });
});
