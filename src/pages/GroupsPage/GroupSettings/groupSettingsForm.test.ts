// The save plan: what the form holds, what it refuses before sending, and
// which of the two writes a save sends.
import { describe, expect, it } from "vitest";
import { MockGroup } from "../../../testHelpers/entities";
import {
  changedBudget,
  changedGroupFields,
  groupSettingsSchema,
  initialFormValues,
  QUOTA_MESSAGE,
  type GroupSettingsFormValues,
} from "./groupSettingsForm";

const saved = { ...MockGroup, quota_allowance: 5 };
const loaded = (budget: number | null): GroupSettingsFormValues => initialFormValues(saved, budget);
const withValues = (changes: Partial<GroupSettingsFormValues>, budget: number | null = 1_000_000_000) => ({
  ...loaded(budget),
  ...changes,
});

/** The message per field that Yup gives for `values`, as the form shows them. */
async function problems(values: GroupSettingsFormValues): Promise<Record<string, string>> {
  try {
    await groupSettingsSchema.validate(values, { abortEarly: false });
    return {};
  } catch (error) {
    const { inner } = error as { inner: { path: string; message: string }[] };
    return Object.fromEntries(inner.map((e) => [e.path, e.message]));
  }
}

describe("the form as loaded", () => {
  it("shows the saved group and the budget in dollars, exactly", () => {
    expect(loaded(1_000_000_000)).toEqual({
      name: "developers",
      display_name: "Developers",
      avatar_url: "",
      quota_allowance: "5",
      monthly_budget_per_member: "1000",
    });
    expect(loaded(1).monthly_budget_per_member).toBe("0.000001");
    expect(loaded(0).monthly_budget_per_member).toBe("0");
    expect(loaded(null).monthly_budget_per_member).toBe("");
  });

  it("treats a missing field as empty", async () => {
    const { name: _, ...withoutName } = loaded(null);
    expect(await problems(withoutName as GroupSettingsFormValues)).toEqual({ name: "Name is required." });
  });

  it("is valid as loaded", async () => {
    expect(await problems(loaded(1_000_000_000))).toEqual({});
    expect(await problems(loaded(null))).toEqual({});
  });
});

describe("what the form refuses before sending anything", () => {
  it.each([
    [{ monthly_budget_per_member: "-1" }, "monthly_budget_per_member", "Enter an amount between 0 and $1,000,000."],
    [
      { monthly_budget_per_member: "1e3" },
      "monthly_budget_per_member",
      "Enter a plain amount in US dollars, such as 25 or 19.99.",
    ],
    [{ name: "" }, "name", "Name is required."],
    [
      { name: "bad name" },
      "name",
      "Name may use letters, digits and single hyphens, and must start and end with a letter or digit.",
    ],
    [{ display_name: " padded" }, "display_name", "Display name must not start or end with a space."],
    [{ avatar_url: "javascript:alert(1)" }, "avatar_url", "Avatar URL must start with http:// or https://."],
    [{ quota_allowance: "-1" }, "quota_allowance", QUOTA_MESSAGE],
    [{ quota_allowance: "1.5" }, "quota_allowance", QUOTA_MESSAGE],
    [{ quota_allowance: "" }, "quota_allowance", QUOTA_MESSAGE],
    [{ quota_allowance: "2147483648" }, "quota_allowance", QUOTA_MESSAGE],
    [{ quota_allowance: "12345678901" }, "quota_allowance", QUOTA_MESSAGE],
  ])("%j: a message on %s", async (changes, field, message) => {
    expect(await problems(withValues(changes))).toEqual({ [field]: message });
  });

  it.each([
    { monthly_budget_per_member: "" },
    { monthly_budget_per_member: "  " },
    { quota_allowance: "2147483647" },
    { quota_allowance: " 7 " },
    { avatar_url: "https://example.com/a.png" },
  ])("accepts %j", async (changes) => {
    expect(await problems(withValues(changes))).toEqual({});
  });
});

describe("which writes a save sends", () => {
  it("sends no group PATCH when no group field changed", () => {
    expect(changedGroupFields(saved, loaded(null))).toBeUndefined();
    expect(changedGroupFields(saved, withValues({ quota_allowance: " 5 " }))).toBeUndefined();
  });

  it("sends only the fields that changed", () => {
    expect(changedGroupFields(saved, withValues({ display_name: "Devs" }))).toEqual({
      display_name: "Devs",
      add_users: [],
      remove_users: [],
    });
    expect(
      changedGroupFields(saved, withValues({ name: "platform", avatar_url: "/a.png", quota_allowance: "9" })),
    ).toEqual({
      name: "platform",
      avatar_url: "/a.png",
      quota_allowance: 9,
      add_users: [],
      remove_users: [],
    });
  });

  it.each([
    [1_000_000_000, "1000", undefined],
    [1_000_000_000, "1000.000000", undefined],
    [1_000_000_000, "999.999999", 999_999_999],
    [1_000_000_000, "", null],
    [1_000_000_000, " ", null],
    [1_000_000_000, "0", 0],
    [null, "", undefined],
    [null, "0", 0],
    [0, "0", undefined],
    [0, "", null],
  ] as const)("saved %j and typed %j: writes %j", (savedMicros, typed, write) => {
    expect(changedBudget(savedMicros, withValues({ monthly_budget_per_member: typed }))).toBe(write);
  });
});
