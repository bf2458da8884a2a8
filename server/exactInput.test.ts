// The third red team's input findings: numbers JSON.parse would round into an
// acceptable budget, and a group id of 36 characters that is not a UUID.
import { describe, expect, it } from "vitest";
import { SEED_GROUPS } from "./seed";
import { useTestApi } from "./testHarness";

const developers = SEED_GROUPS.find((g) => g.name === "developers")!;
const api = useTestApi();

const ROUNDED_BY_JSON_PARSE = ["999999999999.99999", "1000000000000.0000001", "-1e-400", "1.0", "1e3", "-0", "5E0"];

describe("spend limits checked on the text as sent", () => {
  it.each(ROUNDED_BY_JSON_PARSE)("refuses a group budget of %s micros and stores nothing", async (limit) => {
    const response = await api().json(`/groups/${developers.id}/ai/budget`, {
      method: "PUT",
      body: `{"spend_limit_micros":${limit}}`,
      as: "admin",
    });
    expect(response).toEqual({
      status: 400,
      body: {
        message: "Invalid AI spend limit.",
        validations: [{ field: "spend_limit_micros", detail: "Must be a whole number of micros." }],
      },
    });
    expect((await api().store.budgets.of(developers.id))!.budget.spend_limit_micros).toBe(1_000_000_000);
  });

  it.each(ROUNDED_BY_JSON_PARSE)("refuses an override of %s micros and stores nothing", async (limit) => {
    const response = await api().json("/users/bob/ai/budget/override", {
      method: "PUT",
      body: `{"group_id":"${developers.id}","spend_limit_micros":${limit}}`,
      as: "admin",
    });
    expect(response.status).toBe(400);
    expect((await api().json("/users/bob/ai/budget/override", { as: "admin" })).status).toBe(404);
  });

  it("still takes plain integers, with spaces and in any key order", async () => {
    const response = await api().json(`/groups/${developers.id}/ai/budget`, {
      method: "PUT",
      body: ' { "spend_limit_micros" : 1000000000000 } ',
      as: "admin",
    });
    expect(response).toMatchObject({ status: 200, body: { spend_limit_micros: 1_000_000_000_000 } });
    const zero = await api().json(`/groups/${developers.id}/ai/budget`, {
      method: "PUT",
      body: '{"spend_limit_micros":0}',
      as: "admin",
    });
    expect(zero).toMatchObject({ status: 200, body: { spend_limit_micros: 0 } });
  });

  it("refuses a whole quota written as 1.0", async () => {
    const response = await api().json(`/groups/${developers.id}`, {
      method: "PATCH",
      body: '{"quota_allowance":1.0}',
      as: "admin",
    });
    expect(response.status).toBe(400);
  });
});

describe("an override's group id", () => {
  it.each([
    "------------------------------------",
    "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
    "0123456789abcdef0123456789abcdef0123",
  ])("answers 400, not 500, to %s", async (groupId) => {
    const response = await api().json("/users/bob/ai/budget/override", {
      method: "PUT",
      body: JSON.stringify({ group_id: groupId, spend_limit_micros: 1 }),
      as: "admin",
    });
    expect(response).toEqual({
      status: 400,
      body: { message: "Validation failed.", validations: [{ field: "group_id", detail: "Must be a group id." }] },
    });
  });
});
