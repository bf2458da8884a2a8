// A page's first requests leave the moment main.ts runs, before the API
// client, the query cache or React have loaded; and the client takes each
// answer once, only while it is fresh.
import { afterEach, describe, expect, it, vi } from "vitest";
import { EARLY_ANSWER_MAX_AGE_MS, takeEarly } from "../../api/earlyRequests";
import {
  ENTITLEMENTS_PATH,
  groupApiPath as groupPath,
  groupsApiPath as groupsPath,
  ME_PATH,
} from "../../../core/paths";
import { startEarlyRequests } from "./earlyStart";

/** The paths fetched so far by `spy`, in order. */
const fetched = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map(([input]) => new URL(String(input)).pathname);

let started: string[] = [];
afterEach(async () => {
  // Each test takes what it started, so the next starts from nothing.
  await Promise.all(started.map((path) => takeEarly(path)?.catch(() => undefined)));
  started = [];
  vi.restoreAllMocks();
});

function startFor(pathname: string) {
  const spy = vi.spyOn(globalThis, "fetch");
  startEarlyRequests(pathname);
  // Read at once: nothing has been awaited, so these left synchronously.
  started = fetched(spy);
  return started;
}

describe("the first wave", () => {
  it("of a group's settings: the user, the entitlements and the group, sent at once with the session cookie", () => {
    const spy = vi.spyOn(globalThis, "fetch");
    startEarlyRequests("/organizations/coder/groups/developers/settings");
    started = fetched(spy);
    expect(started).toEqual(expect.arrayContaining([ME_PATH, ENTITLEMENTS_PATH, groupPath("coder", "developers")]));
    for (const [, init] of spy.mock.calls)
      expect(init).toMatchObject({ credentials: "same-origin", headers: { Accept: "application/json" } });
  });

  it("of a group's page: the same group request", () => {
    expect(startFor("/organizations/coder/groups/data%20science")).toEqual(
      expect.arrayContaining([ME_PATH, ENTITLEMENTS_PATH, groupPath("coder", "data science")]),
    );
  });

  it("of the groups list: the organization's groups, and no single group", () => {
    const paths = startFor("/organizations/research/groups");
    expect(paths).toEqual(expect.arrayContaining([ME_PATH, ENTITLEMENTS_PATH, groupsPath("research")]));
    expect(paths.filter((p) => p.startsWith("/api/v2/organizations/"))).toEqual([groupsPath("research")]);
  });

  it("of another page: the user and entitlements only", () => {
    const paths = startFor("/somewhere/else");
    expect(paths).toEqual(expect.arrayContaining([ME_PATH, ENTITLEMENTS_PATH]));
    expect(paths.filter((p) => p.startsWith("/api/v2/organizations/"))).toEqual([]);
  });

  it("of the sign-in page: nothing, since nobody is signed in yet", () => {
    expect(startFor("/login")).toEqual([]);
  });

  it("sends a path once, however often it is started", () => {
    const spy = vi.spyOn(globalThis, "fetch");
    startEarlyRequests("/organizations/coder/groups");
    startEarlyRequests("/organizations/coder/groups");
    started = fetched(spy);
    expect(started.filter((p) => p === ME_PATH)).toHaveLength(1);
  });
});

describe("taking an early answer", () => {
  it("gives it once, while it is at most 10 s old", async () => {
    const now = vi.spyOn(performance, "now").mockReturnValue(1_000);
    startFor("/organizations/coder/groups");
    now.mockReturnValue(1_000 + EARLY_ANSWER_MAX_AGE_MS);
    const answer = takeEarly(ME_PATH);
    expect(answer).toBeDefined();
    expect((await answer)?.status).toBe(200);
    expect(takeEarly(ME_PATH)).toBeUndefined();
  });

  it("drops an answer older than 10 s", () => {
    const now = vi.spyOn(performance, "now").mockReturnValue(1_000);
    startFor("/organizations/coder/groups");
    now.mockReturnValue(1_001 + EARLY_ANSWER_MAX_AGE_MS);
    expect(takeEarly(ENTITLEMENTS_PATH)).toBeUndefined();
    // Dropped, not kept for later.
    now.mockReturnValue(1_000);
    expect(takeEarly(ENTITLEMENTS_PATH)).toBeUndefined();
    expect(EARLY_ANSWER_MAX_AGE_MS).toBe(10_000);
  });

  it("has nothing for a path never started", () => {
    expect(takeEarly("/api/v2/never")).toBeUndefined();
  });
});
