// What the admin is told after a save: which of the two writes landed, which
// failed and why, on which field, and that the form still holds their values.
import { AxiosError, type AxiosResponse, type InternalAxiosRequestConfig } from "axios";
import { describe, expect, it } from "vitest";
import { BudgetConflictError } from "../../../api/queries/groups";
import type { ApiResponse } from "../../../../core/types";
import { reportSave, type WriteResult } from "./saveOutcome";

const config = { headers: {} } as InternalAxiosRequestConfig;
const answered = (status: number, data: ApiResponse) =>
  new AxiosError("Request failed", "ERR_BAD_REQUEST", config, {}, {
    status,
    statusText: "",
    data,
    headers: {},
    config,
  } as AxiosResponse);
const unreachable = () => new AxiosError("Network Error", "ERR_NETWORK", config, {});

const notSent: WriteResult = { sent: false };
const saved: WriteResult = { sent: true, ok: true };
const failedWith = (error: unknown): WriteResult => ({ sent: true, ok: false, error });
const KEPT = "Your changes are still in the form.";

describe("a save that worked", () => {
  it.each([
    [saved, saved, "Saved the group settings and the AI budget."],
    [saved, notSent, "Saved the group settings."],
    [notSent, saved, "Saved the AI budget."],
  ])("says what it saved", (group, budget, title) => {
    expect(reportSave("developers", group, budget)).toEqual({ kind: "success", title, fieldErrors: {} });
  });
});

describe("a save that failed", () => {
  it("names both failures, says nothing was saved, and keeps the values", () => {
    const taken = answered(409, {
      message: 'A group named "qa" already exists.',
      validations: [{ field: "name", detail: "This name is already taken." }],
    });
    const refused = answered(400, {
      message: "Invalid spend limit.",
      validations: [{ field: "spend_limit_micros", detail: "Must not be negative." }],
    });
    expect(reportSave("developers", failedWith(taken), failedWith(refused))).toEqual({
      kind: "error",
      title: 'Failed to update group "developers" and its AI budget.',
      description: `Nothing was saved. A group named "qa" already exists. name: This name is already taken. Invalid spend limit. spend_limit_micros: Must not be negative. ${KEPT}`,
      fieldErrors: { name: "This name is already taken.", monthly_budget_per_member: "Must not be negative." },
    });
  });

  it("says the AI budget was saved when only the group failed", () => {
    const report = reportSave(
      "developers",
      failedWith(answered(400, { message: "Invalid group settings.", detail: "Bad name." })),
      saved,
    );
    expect(report).toEqual({
      kind: "error",
      title: 'Failed to update group "developers".',
      description: `The AI budget was saved. Invalid group settings. Bad name. ${KEPT}`,
      fieldErrors: {},
    });
  });

  it("does not claim a budget save that was never sent", () => {
    const report = reportSave("developers", failedWith(unreachable()), notSent);
    expect(report.description).toBe(`The server could not be reached. Check your connection. ${KEPT}`);
  });

  it("says the group settings were saved when only the budget failed", () => {
    const report = reportSave(
      "developers",
      saved,
      failedWith(answered(403, { message: "AI Gateway is a Premium feature. Contact sales!" })),
    );
    expect(report).toEqual({
      kind: "error",
      title: "Failed to update the AI budget.",
      description: `The group settings were saved. AI Gateway is a Premium feature. Contact sales! ${KEPT}`,
      fieldErrors: {},
    });
  });

  it("explains a conflict in the admin's words, and claims no group save that was not sent", () => {
    const report = reportSave("developers", notSent, failedWith(new BudgetConflictError(null)));
    expect(report).toEqual({
      kind: "error",
      title: "Failed to update the AI budget.",
      description: `Someone else changed it after you loaded it. ${KEPT}`,
      fieldErrors: {},
    });
  });

  it("puts each of Coder's field validations on the input the admin typed in, and ignores fields the form lacks", () => {
    const error = answered(400, {
      message: "Invalid group settings.",
      validations: [
        { field: "display_name", detail: "Too long." },
        { field: "avatar_url", detail: "Not a URL." },
        { field: "quota_allowance", detail: "Negative." },
        { field: "members", detail: "Unknown." },
      ],
    });
    expect(reportSave("developers", failedWith(error), saved).fieldErrors).toEqual({
      display_name: "Too long.",
      avatar_url: "Not a URL.",
      quota_allowance: "Negative.",
    });
  });

  it("says plainly when a failure has no message at all", () => {
    const report = reportSave("developers", saved, failedWith("boom"));
    // As the page shows it: HTML collapses the runs of spaces.
    expect(report.description?.replace(/\s+/g, " ")).toBe(`The group settings were saved. ${KEPT}`);
    expect(report.title).toBe("Failed to update the AI budget.");
  });
});
