// Spend beyond 2^53 micros, as the admin sees it: the digits the wire sent,
// not what JSON.parse would round them to (which, past 2^53, is no longer a
// whole number of micros the page can show at all).
import { screen, within } from "@testing-library/react";
import { getResponse, http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { handlers, mockSignIn } from "../testHelpers/handlers";
import { renderApp } from "../testHelpers/renderApp";
import { server } from "../testHelpers/server";

/**
 * The mock's own answer for `path`, with every `field` set to `digits` in the
 * JSON text itself: an int64 as Coder's encoder writes it, beyond what a
 * JavaScript number holds.
 */
function answerWithDigits(path: string, field: string, digits: string) {
  server.use(
    http.get(path, async ({ request }) => {
      const original = (await getResponse(handlers, request))!;
      const text = (await original.text()).replace(new RegExp(`"${field}":\\d+`, "g"), `"${field}":${digits}`);
      return new HttpResponse(text, { status: original.status, headers: { "Content-Type": "application/json" } });
    }),
  );
}

// 2^53 + 1: JSON.parse reads it as 2^53, one micro less.
const PAST_2_53 = "9007199254740993";

describe("spend beyond 2^53 micros", () => {
  it("is shown to the micro on My AI spend", async () => {
    mockSignIn("member");
    answerWithDigits("*/api/v2/users/:user/ai/spend", "current_spend_micros", PAST_2_53);
    renderApp("/ai-spend");
    const meter = await screen.findByRole("progressbar", { name: "My AI spend this month" });
    expect(meter).toHaveAttribute("aria-valuetext", expect.stringMatching(/^\$9,007,199,254\.740993 of \$1,000\.00 /));
    expect(meter).toHaveAttribute("aria-valuenow", "100");
    expect(screen.getByText(/^\$9,007,199,254\.740993 \/ \$1,000\.00$/)).toBeInTheDocument();
  });

  it("is shown to the micro in the groups list's AI budget column", async () => {
    answerWithDigits("*/api/v2/organizations/:organization/groups/ai/spend", "current_spend_micros", PAST_2_53);
    renderApp("/organizations/coder/groups");
    const developers = within((await screen.findByRole("link", { name: "Developers" })).closest("tr")!);
    expect(await developers.findByText(/^\$9,007,199,254\.740993 \/ \$7,000\.00$/)).toBeInTheDocument();
    expect(developers.getByText("Over the limit")).toBeInTheDocument();
  });

  it("is shown to the micro on a member's row of the members tab", async () => {
    answerWithDigits("*/api/v2/groups/:group/members/ai/spend", "group_spend_micros", "9000000000000004900");
    renderApp("/organizations/coder/groups/developers");
    const bob = within((await screen.findByText("bob")).closest("tr")!);
    // As a double this is 9000000000000005120: 0.2 cents more, and a different cent.
    expect(await bob.findByText(/^\$9,000,000,000,000\.0049 of \$1,000\.00$/)).toBeInTheDocument();
  });
});
