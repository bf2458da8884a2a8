// Coder's rules for request bodies and spend queries, as both the embedded
// server and the MSW handlers apply them: a body either passes with exactly
// what may be stored, or is refused with Coder's 400 naming each problem.
import { describe, expect, it } from "vitest";
import { INVALID_SPEND_LIMIT_MESSAGE } from "./types";
import { checkIdListQuery, checkPatchGroupBody, checkUpsertBudgetBody, checkUpsertOverrideBody } from "./requestChecks";
import { avatarUrlProblem, displayNameProblem, groupNameProblem } from "./validation";

const refused = (message: string, validations: { field: string; detail: string }[] = []) => ({
  ok: false,
  status: 400,
  body: { message, validations },
});
const GROUP = "0a7c5d5e-0000-4000-9000-000000000001";
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("a group budget body", () => {
  it.each([0, 1, 1_000_000_000, 1_000_000_000_000])("takes %i micros", (micros) => {
    expect(checkUpsertBudgetBody({ spend_limit_micros: micros })).toEqual({ ok: true, value: micros });
  });

  it.each([null, [], "x", 5, [{ spend_limit_micros: 1 }]])("refuses %j, which is not an object", (body) => {
    expect(checkUpsertBudgetBody(body)).toEqual(refused("Request body must be a JSON object."));
  });

  it("names every unknown field", () => {
    expect(checkUpsertBudgetBody({ spend_limit_micros: 1, limit: 2, group_id: "x" })).toEqual(
      refused("Request body has unknown fields.", [
        { field: "limit", detail: "Unknown field." },
        { field: "group_id", detail: "Unknown field." },
      ]),
    );
  });

  it.each([undefined, "5", 1.5, Number.NaN, Number.POSITIVE_INFINITY, null])(
    "refuses %j micros as not whole",
    (micros) => {
      expect(checkUpsertBudgetBody({ spend_limit_micros: micros })).toEqual(
        refused(INVALID_SPEND_LIMIT_MESSAGE, [
          { field: "spend_limit_micros", detail: "Must be a whole number of micros." },
        ]),
      );
    },
  );

  it("refuses a negative limit, down to -1", () => {
    expect(checkUpsertBudgetBody({ spend_limit_micros: -1 })).toEqual(
      refused(INVALID_SPEND_LIMIT_MESSAGE, [{ field: "spend_limit_micros", detail: "Must not be negative." }]),
    );
  });

  it("refuses one micro above $1,000,000", () => {
    expect(checkUpsertBudgetBody({ spend_limit_micros: 1_000_000_000_001 })).toEqual(
      refused(INVALID_SPEND_LIMIT_MESSAGE, [{ field: "spend_limit_micros", detail: "Must not exceed 1000000000000." }]),
    );
  });
});

describe("an override body", () => {
  it("takes a group id and a limit", () => {
    expect(checkUpsertOverrideBody({ group_id: GROUP, spend_limit_micros: 5 })).toEqual({
      ok: true,
      value: { group_id: GROUP, spend_limit_micros: 5 },
    });
    expect(checkUpsertOverrideBody({ group_id: GROUP.toUpperCase(), spend_limit_micros: 0 })).toMatchObject({
      ok: true,
    });
  });

  it.each([undefined, 7, "", "developers", `${GROUP}0`, GROUP.slice(1), `x${GROUP.slice(1)}`])(
    "refuses group id %j",
    (group_id) => {
      expect(checkUpsertOverrideBody({ group_id, spend_limit_micros: 5 })).toEqual(
        refused("Validation failed.", [{ field: "group_id", detail: "Must be a group id." }]),
      );
    },
  );

  it("refuses a body that is not an object", () => {
    expect(checkUpsertOverrideBody([])).toEqual(refused("Request body must be a JSON object."));
  });

  it("refuses a group id that only reads as one, such as a list holding one", () => {
    expect(checkUpsertOverrideBody({ group_id: [GROUP], spend_limit_micros: 5 })).toEqual(
      refused("Validation failed.", [{ field: "group_id", detail: "Must be a group id." }]),
    );
  });

  it("applies the budget's rules to the limit", () => {
    expect(checkUpsertOverrideBody({ group_id: GROUP, spend_limit_micros: -1 })).toMatchObject({
      ok: false,
      status: 400,
      body: { message: INVALID_SPEND_LIMIT_MESSAGE },
    });
    expect(checkUpsertOverrideBody({ group_id: GROUP, spend_limit_micros: 1, extra: true })).toMatchObject({
      ok: false,
      body: { message: "Request body has unknown fields." },
    });
  });
});

describe("group fields", () => {
  it.each([
    ["", "Name is required."],
    ["a".repeat(33), "Name must be at most 32 characters."],
    ["-dev", "Name may use letters, digits and single hyphens, and must start and end with a letter or digit."],
    ["dev-", "Name may use letters, digits and single hyphens, and must start and end with a letter or digit."],
    ["de--v", "Name may use letters, digits and single hyphens, and must start and end with a letter or digit."],
    ["dev team", "Name may use letters, digits and single hyphens, and must start and end with a letter or digit."],
    ["a".repeat(32), undefined],
    ["data-science-2", undefined],
    ["A", undefined],
  ])("name %j: %j", (name, problem) => {
    expect(groupNameProblem(name)).toBe(problem);
  });

  it.each([
    ["", undefined],
    ["x".repeat(64), undefined],
    ["x".repeat(65), "Display name must be at most 64 characters."],
    [" Devs", "Display name must not start or end with a space."],
    ["Devs ", "Display name must not start or end with a space."],
    ["The Devs", undefined],
  ])("display name %j: %j", (displayName, problem) => {
    expect(displayNameProblem(displayName)).toBe(problem);
  });

  it.each([
    ["", undefined],
    ["/emojis/1f60e.png", undefined],
    ["https://example.com/a.png", undefined],
    ["http://example.com/a.png", undefined],
    ["javascript:alert(1)", "Avatar URL must start with http:// or https://."],
    ["ftp://example.com/a.png", "Avatar URL must start with http:// or https://."],
    ["example.com/a.png", "Avatar URL must be a full http:// or https:// address."],
  ])("avatar URL %j: %j", (url, problem) => {
    expect(avatarUrlProblem(url)).toBe(problem);
  });
});

describe("a group PATCH body", () => {
  it("keeps only the fields sent, each checked, and lists of members", () => {
    expect(checkPatchGroupBody({})).toEqual({ ok: true, value: { add_users: [], remove_users: [] } });
    expect(
      checkPatchGroupBody({
        name: "qa",
        display_name: "QA",
        avatar_url: "",
        quota_allowance: 2_147_483_647,
        add_users: [uuid(1)],
        remove_users: null,
      }),
    ).toEqual({
      ok: true,
      value: {
        name: "qa",
        display_name: "QA",
        avatar_url: "",
        quota_allowance: 2_147_483_647,
        add_users: [uuid(1)],
        remove_users: [],
      },
    });
    expect(checkPatchGroupBody({ quota_allowance: 0 })).toEqual({
      ok: true,
      value: { quota_allowance: 0, add_users: [], remove_users: [] },
    });
  });

  it("refuses a body that is not an object", () => {
    expect(checkPatchGroupBody("qa")).toEqual(refused("Request body must be a JSON object."));
  });

  it("names every bad field at once", () => {
    expect(
      checkPatchGroupBody({
        name: 5,
        display_name: " x",
        avatar_url: "data:x",
        quota_allowance: -1,
        add_users: "me",
        remove_users: [1],
      }),
    ).toEqual(
      refused("Invalid group settings.", [
        { field: "name", detail: "Must be a string." },
        { field: "display_name", detail: "Display name must not start or end with a space." },
        { field: "avatar_url", detail: "Avatar URL must start with http:// or https://." },
        { field: "quota_allowance", detail: "Must be a whole number, 0 or more." },
        { field: "add_users", detail: "Must be a list of user ids." },
        { field: "remove_users", detail: "Must be a list of user ids." },
      ]),
    );
  });

  it("refuses a member list with any id that is not a string", () => {
    expect(checkPatchGroupBody({ add_users: [uuid(1), 2] })).toEqual(
      refused("Invalid group settings.", [{ field: "add_users", detail: "Must be a list of user ids." }]),
    );
  });

  it.each([2_147_483_648, 1.5, "3", null])("refuses quota %j", (quota_allowance) => {
    expect(checkPatchGroupBody({ quota_allowance })).toEqual(
      refused("Invalid group settings.", [{ field: "quota_allowance", detail: "Must be a whole number, 0 or more." }]),
    );
  });
});

describe("a spend query's ids", () => {
  const query = (text: string) => new URLSearchParams(text);

  it("takes comma-separated and repeated UUIDs, trimmed, lower-cased, once each", () => {
    expect(
      checkIdListQuery(
        query(`user_ids=${uuid(1)},%20${GROUP.toUpperCase()}&user_ids=${uuid(1)}&user_ids=${GROUP}`),
        "user_ids",
      ),
    ).toEqual({
      ok: true,
      value: [uuid(1), GROUP],
    });
  });

  it("requires the parameter, not empty", () => {
    const required = refused("Query parameters have invalid values.", [
      { field: "user_ids", detail: 'Query param "user_ids" is required and cannot be empty' },
    ]);
    expect(checkIdListQuery(query(""), "user_ids")).toEqual(required);
    expect(checkIdListQuery(query("user_ids="), "user_ids")).toEqual(required);
  });

  it("names the values that are not UUIDs, one or several", () => {
    expect(checkIdListQuery(query(`user_ids=${uuid(1)},bob`), "user_ids")).toEqual(
      refused("Query parameters have invalid values.", [
        { field: "user_ids", detail: 'Query param "user_ids" has invalid values: "bob" is not a UUID' },
      ]),
    );
    expect(checkIdListQuery(query("user_ids=a,b"), "user_ids")).toEqual(
      refused("Query parameters have invalid values.", [
        { field: "user_ids", detail: 'Query param "user_ids" has invalid values: "a", "b" are not UUIDs' },
      ]),
    );
  });

  it("refuses any other parameter, alongside the other problems", () => {
    expect(checkIdListQuery(query(`user_ids=${uuid(1)}&limit=5&q=x&q=y`), "user_ids")).toEqual(
      refused("Query parameters have invalid values.", [
        { field: "limit", detail: '"limit" is not a valid query param' },
        { field: "q", detail: '"q" is not a valid query param' },
      ]),
    );
    expect(checkIdListQuery(query("group_ids=x"), "user_ids")).toMatchObject({
      ok: false,
      body: { validations: [{ field: "user_ids" }, { field: "group_ids" }] },
    });
  });

  it("takes 100 ids and refuses 101 with Coder's message", () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => uuid(i + 1)).join(",");
    expect(checkIdListQuery(query(`group_ids=${ids(100)}`), "group_ids")).toMatchObject({ ok: true });
    expect(checkIdListQuery(query(`group_ids=${ids(101)}`), "group_ids")).toEqual({
      ok: false,
      status: 400,
      body: { message: "group_ids has 101 entries, maximum is 100." },
    });
  });
});
