// Every input an admin might type or paste into the budget field: accepted with
// its exact micros on the wire, or refused with a message and no request.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MockGroup, MockMemberSpend } from "../../../testHelpers/entities";
import { renderApp } from "../../../testHelpers/renderApp";
import { recordRequests } from "../../../testHelpers/server";
import { NOT_AN_AMOUNT_MESSAGE, OUT_OF_RANGE_MESSAGE, TOO_PRECISE_MESSAGE } from "../../../../core/currency";
import { budgetPath, settingsPath } from "../../../testHelpers/settingsPage";

type Outcome = { micros: number } | { none: true } | { refused: string };

const BUDGET_INPUTS: [label: string, typed: string, outcome: Outcome][] = [
  ["empty", "", { none: true }],
  ["spaces only", "   ", { none: true }],
  ["0", "0", { micros: 0 }],
  ["00", "00", { micros: 0 }],
  ["-0", "-0", { refused: OUT_OF_RANGE_MESSAGE }],
  ["-1", "-1", { refused: OUT_OF_RANGE_MESSAGE }],
  ["0.5", "0.5", { micros: 500_000 }],
  [".5", ".5", { micros: 500_000 }],
  ["5.", "5.", { micros: 5_000_000 }],
  ["1.123456", "1.123456", { micros: 1_123_456 }],
  ["1.1234567", "1.1234567", { refused: TOO_PRECISE_MESSAGE }],
  ["1e3", "1e3", { refused: NOT_AN_AMOUNT_MESSAGE }],
  ["1E-2", "1E-2", { refused: NOT_AN_AMOUNT_MESSAGE }],
  ["0x10", "0x10", { refused: NOT_AN_AMOUNT_MESSAGE }],
  ["Infinity", "Infinity", { refused: NOT_AN_AMOUNT_MESSAGE }],
  ["NaN", "NaN", { refused: NOT_AN_AMOUNT_MESSAGE }],
  ["1,000", "1,000", { refused: NOT_AN_AMOUNT_MESSAGE }],
  ["1 000", "1 000", { refused: NOT_AN_AMOUNT_MESSAGE }],
  ["$25", "$25", { refused: NOT_AN_AMOUNT_MESSAGE }],
  ["25$", "25$", { refused: NOT_AN_AMOUNT_MESSAGE }],
  ["25 USD", "25 USD", { refused: NOT_AN_AMOUNT_MESSAGE }],
  ["non-ASCII digits", "١٢", { refused: NOT_AN_AMOUNT_MESSAGE }],
  ["999999.999999", "999999.999999", { micros: 999_999_999_999 }],
  ["1000000", "1000000", { micros: 1_000_000_000_000 }],
  ["1000000.000001", "1000000.000001", { refused: OUT_OF_RANGE_MESSAGE }],
  ["9007199254740993", "9007199254740993", { refused: OUT_OF_RANGE_MESSAGE }],
  ["a 10,000-character string", "7".repeat(10_000), { refused: OUT_OF_RANGE_MESSAGE }],
  ["pasted text with a newline", "25\n", { micros: 25_000_000 }],
];

describe("the budget field", () => {
  it.each(BUDGET_INPUTS)("%s", async (_label, typed, outcome) => {
    const { user, router } = renderApp(settingsPath);
    const input = await screen.findByLabelText("Monthly budget per member (USD)");
    await user.clear(input);
    input.focus();
    if (typed) await user.paste(typed);
    const seen = recordRequests();
    await user.click(screen.getByRole("button", { name: "Save" }));

    if ("refused" in outcome) {
      expect(await screen.findByRole("alert")).toHaveTextContent(outcome.refused);
      expect(input).toHaveAttribute("aria-invalid", "true");
      expect(router.state.location.pathname).toBe(settingsPath);
      expect(seen.filter((r) => r.method !== "GET")).toEqual([]);
      return;
    }
    if ("micros" in outcome && outcome.micros === 0) {
      // AI off for the whole group is confirmed first.
      await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Turn AI off" }));
    } else if ("micros" in outcome && outcome.micros < MockMemberSpend.bob!) {
      // Below what bob spent this month (the saved $1,000 does not block him): blocking him is confirmed first.
      await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: /^Save and block/ }));
    }
    await waitFor(() => expect(router.state.location.pathname).toBe(`/organizations/coder/groups/${MockGroup.name}`));
    const writes = seen.filter((r) => r.path === budgetPath && r.method !== "GET");
    expect(writes).toEqual(
      "none" in outcome
        ? [{ method: "DELETE", path: budgetPath, body: undefined }]
        : [{ method: "PUT", path: budgetPath, body: { spend_limit_micros: outcome.micros } }],
    );
  });
});
