// What the route fuzzer (server/routeFuzz.test.ts) found, one named test each:
// the request it generated, cut down to what mattered, and the answer now.
import { describe, expect, it } from "vitest";
import type { ApiResponse } from "../core/types";
import { SEED_GROUPS } from "./seed";
import { useTestApi } from "./testHarness";

const api = useTestApi();
const developers = SEED_GROUPS.find((g) => g.name === "developers")!;

describe("found by the route fuzzer", () => {
  it.each([
    ["a group's members search", `/groups/${developers.id}/members?q=%00`],
    ["an organization's members search", "/organizations/coder/paginated-members?q=a%00b"],
    ["the audit log's search", "/audit?q=%00"],
    ["a spend report filter", "/organizations/coder/ai/spend/users?model=%00"],
    ["a parameter's name", `/groups/${developers.id}/members?%00=1`],
  ])("answers 400, not 500, to a NUL in %s", async (_, path) => {
    const { status, body } = await api().json<ApiResponse>(path, { as: "admin" });
    expect(status).toBe(400);
    expect(body.message).toBe("Query parameters have invalid values.");
    expect(body.validations?.[0]?.detail).toMatch(/holds text that cannot be stored/);
  });
});
