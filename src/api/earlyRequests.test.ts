import { isCancel } from "axios";
import { http, HttpResponse } from "msw";
import { API } from "./api";
import { isUnauthorized } from "./errors";
import { startEarly } from "./earlyRequests";
import { ENTITLEMENTS_PATH, groupApiPath, ME_PATH } from "../../core/paths";
import { MockGroup, MockOwner } from "../testHelpers/entities";
import { mockBackend } from "../testHelpers/handlers";
import { recordRequests, server } from "../testHelpers/server";

describe("requests sent before the API client loaded", () => {
  it("answer the client's first GET of the same path, which is not sent again", async () => {
    const seen = recordRequests();
    startEarly(ME_PATH);
    startEarly(groupApiPath("coder", MockGroup.name));
    await expect(API.getAuthenticatedUser()).resolves.toMatchObject({ id: MockOwner.id });
    await expect(API.getGroup("coder", MockGroup.name)).resolves.toMatchObject({ id: MockGroup.id });
    expect(seen.map((r) => r.path)).toEqual([ME_PATH, groupApiPath("coder", MockGroup.name)]);
  });

  it("are used once: the next GET goes to the server", async () => {
    const seen = recordRequests();
    startEarly(ENTITLEMENTS_PATH);
    await API.getEntitlements();
    await API.getEntitlements();
    expect(seen.map((r) => r.path)).toEqual([ENTITLEMENTS_PATH, ENTITLEMENTS_PATH]);
  });

  it("fail as the client's own requests fail: a 401 is a signed-out error with Coder's message", async () => {
    mockBackend.signedIn = false;
    startEarly(ME_PATH);
    const error = await API.getAuthenticatedUser().catch((e: unknown) => e);
    expect(isUnauthorized(error)).toBe(true);
    expect(error).toMatchObject({ response: { status: 401, data: { message: "You are not signed in." } } });
  });

  it("give up when the caller stops waiting, as a cancelled request", async () => {
    server.use(http.get(`*${ME_PATH}`, () => new Promise<never>(() => {}), { once: true }));
    startEarly(ME_PATH);
    const controller = new AbortController();
    const pending = API.getAuthenticatedUser(controller.signal).catch((e: unknown) => e);
    // Once the client has taken the early answer and waits on it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(isCancel(await pending)).toBe(true);
  });

  it("report a network failure as one", async () => {
    server.use(http.get(`*${ME_PATH}`, () => HttpResponse.error(), { once: true }));
    startEarly(ME_PATH);
    await expect(API.getAuthenticatedUser()).rejects.toMatchObject({ code: "ERR_NETWORK" });
  });
});
