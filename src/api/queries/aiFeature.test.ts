// The one decision of "is AI on here?", as the pages, the loaders and the
// query client all take it.
import { describe, expect, it } from "vitest";
import { AI_FEATURE, type BuildInfoResponse, type Entitlements } from "../../../core/types";
import { decideAIFeature, withAIAnswer } from "./aiFeature";

const entitled = (enabled: boolean) => ({ features: { [AI_FEATURE]: { enabled } } }) as unknown as Entitlements;
const version = (v: string) => ({ version: v }) as BuildInfoResponse;
const known = { buildInfoFailed: false, routesMissing: false };

describe("decideAIFeature", () => {
  it("is on for an entitled deployment on a version with AI budgets", () => {
    expect(decideAIFeature({ ...known, entitlements: entitled(true), buildInfo: version("v2.36.1") }).visible).toBe(
      true,
    );
  });

  it("is off without the entitlement", () => {
    expect(decideAIFeature({ ...known, entitlements: entitled(false), buildInfo: version("v2.36.1") }).visible).toBe(
      false,
    );
  });

  it("is off on a release older than AI budgets, and says which version they need", () => {
    const feature = decideAIFeature({ ...known, entitlements: entitled(true), buildInfo: version("v2.35.2") });
    expect(feature).toMatchObject({ visible: false, tooOldVersion: "v2.35.2" });
    expect(feature.unavailableReason).toBe("AI budgets need Coder v2.36 or later; this deployment runs v2.35.2.");
  });

  it("is unknown until the entitlements and the version (or its failure) are in", () => {
    expect(
      decideAIFeature({ ...known, entitlements: undefined, buildInfo: version("v2.36.1") }).visible,
    ).toBeUndefined();
    expect(decideAIFeature({ ...known, entitlements: entitled(true), buildInfo: undefined }).visible).toBeUndefined();
  });

  it("gives a version that cannot be read the benefit of the doubt", () => {
    expect(
      decideAIFeature({ ...known, entitlements: entitled(true), buildInfo: undefined, buildInfoFailed: true }).visible,
    ).toBe(true);
  });

  it("is off once an AI route answered Route not found., whatever the version says", () => {
    const feature = decideAIFeature({
      ...known,
      entitlements: entitled(true),
      buildInfo: version("v2.36.1"),
      routesMissing: true,
    });
    expect(feature).toMatchObject({ visible: false, routesMissing: true });
    expect(feature.unavailableReason).toMatch(/this deployment has no AI budget routes/);
  });
});

describe("withAIAnswer", () => {
  const on = decideAIFeature({ ...known, entitlements: entitled(true), buildInfo: version("v2.36.1") });

  it("keeps the decision for any other answer", () => {
    expect(withAIAnswer(on, null)).toBe(on);
    expect(withAIAnswer(on, new Error("boom"))).toBe(on);
  });
});
