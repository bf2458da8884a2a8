// The early requests (sent by main.ts before any library loads) and the
// route loaders must ask for the same first wave, for every route of the
// table: the loaders' queries take the early answers and send nothing of
// their own, and no early answer is left untaken.
import { createMemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { takeEarly } from "../../api/earlyRequests";
import { MockGroup, MockOrganizationName } from "../../testHelpers/entities";
import { recordRequests } from "../../testHelpers/server";
import { prefetchLocation } from "../prefetch";
import { createQueryClient } from "../queryClient";
import { createRoutes } from "../routes";
import { routeTable } from "../routeTable";
import { startEarlyRequests } from "./earlyStart";

/** A URL of each route, its parameters filled in. */
const urlOf = (path: string) =>
  path
    .replace(":organization", encodeURIComponent(MockOrganizationName))
    .replace(":groupName", encodeURIComponent(MockGroup.name));

/** Starts the early requests for `url`, whose answers never come: only what the client itself sends reaches the network. */
function startEarlyNeverAnswered(url: string): string[] {
  const fetched = vi.spyOn(globalThis, "fetch").mockImplementation(() => new Promise<Response>(() => {}));
  startEarlyRequests(url);
  return fetched.mock.calls.map(([input]) => new URL(String(input)).pathname);
}

const leftUntaken = (paths: string[]) => paths.filter((path) => takeEarly(path) !== undefined);
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

afterEach(() => vi.restoreAllMocks());

describe.each(routeTable.map((route) => [route.id, urlOf(route.path)] as const))(
  "the first wave of %s (%s)",
  (id, url) => {
    it("is sent early, and the route's loaders take it all and send none of it themselves", async () => {
      const early = startEarlyNeverAnswered(url);
      if (id !== "login") expect(early.length).toBeGreaterThan(0);
      const sent = recordRequests();
      const router = createMemoryRouter(createRoutes(createQueryClient(() => {}, { retry: false })), {
        initialEntries: [url],
      });
      await settle();
      expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([]);
      expect(leftUntaken(early)).toEqual([]);
      router.dispose();
    });

    it("is sent early, and the boot's (and a link's) prefetch takes it all", async () => {
      const early = startEarlyNeverAnswered(url);
      const sent = recordRequests();
      prefetchLocation(
        createQueryClient(() => {}, { retry: false }),
        url,
      );
      await settle();
      expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([]);
      expect(leftUntaken(early)).toEqual([]);
    });
  },
);
