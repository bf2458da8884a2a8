import { parseCoderVersion, versionHasAIBudgets } from "./buildInfo";

describe("which Coder versions have AI budgets", () => {
  it("reads major and minor from Coder's version strings", () => {
    expect(parseCoderVersion("v2.36.0")).toEqual({ major: 2, minor: 36 });
    expect(parseCoderVersion("v2.35.4+0a1b2c3")).toEqual({ major: 2, minor: 35 });
    expect(parseCoderVersion("2.40.1-rc.1")).toEqual({ major: 2, minor: 40 });
    expect(parseCoderVersion("nightly")).toBeUndefined();
  });

  it("says no only for a release known to be older than v2.36", () => {
    expect(versionHasAIBudgets("v2.35.9")).toBe(false);
    expect(versionHasAIBudgets("v1.99.0")).toBe(false);
    expect(versionHasAIBudgets("v2.36.0")).toBe(true);
    expect(versionHasAIBudgets("v3.0.0")).toBe(true);
    // Development builds and the unknown: the budget route's own answer decides.
    expect(versionHasAIBudgets("v0.0.0-devel+abc")).toBe(true);
    expect(versionHasAIBudgets("nightly")).toBe(true);
    expect(versionHasAIBudgets(undefined)).toBe(true);
  });
});
