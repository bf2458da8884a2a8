import { describe, expect, it } from "vitest";
import { lastSeenAgo } from "./lastSeen";

const NOW = Date.parse("2026-11-02T09:00:00.000Z");

describe("lastSeenAgo", () => {
  it.each([
    ["2026-11-02T08:59:30.000Z", "now"],
    ["2026-11-02T08:55:00.000Z", "5 minutes ago"],
    ["2026-11-02T06:00:00.000Z", "3 hours ago"],
    ["2026-11-01T08:00:00.000Z", "yesterday"],
    ["2026-10-20T09:00:00.000Z", "13 days ago"],
    ["2025-10-01T09:00:00.000Z", "last year"],
    ["0001-01-01T00:00:00Z", "never"],
  ])("says %s as %s", (seen, words) => {
    expect(lastSeenAgo(seen, NOW)).toBe(words);
  });
});
