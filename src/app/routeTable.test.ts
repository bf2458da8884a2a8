import { groupLayout, layoutsOf, matchRoute, routeTable, signedIn } from "./routeTable";

const located = (pathname: string) => {
  const match = matchRoute(pathname);
  return match && { id: match.route.id, ...match.params };
};

describe("matchRoute", () => {
  it("names each page of the table, with its parameters", () => {
    expect(located("/login")).toEqual({ id: "login" });
    expect(located("/ai-spend")).toEqual({ id: "mySpend" });
    expect(located("/organizations/coder/groups")).toEqual({ id: "groups", organization: "coder" });
    expect(located("/organizations/coder/groups/developers")).toEqual({
      id: "groupMembers",
      organization: "coder",
      groupName: "developers",
    });
    expect(located("/organizations/coder/groups/developers/settings/")).toEqual({
      id: "groupSettings",
      organization: "coder",
      groupName: "developers",
    });
    expect(located("/organizations/coder/ai-spend")).toEqual({ id: "spendReport", organization: "coder" });
  });

  it("decodes names as the router does", () => {
    expect(located("/organizations/my%20org/groups/data%2Dscience")).toEqual({
      id: "groupMembers",
      organization: "my org",
      groupName: "data-science",
    });
  });

  it("answers nothing for other paths, so nothing page-specific is fetched for them", () => {
    for (const path of [
      "/",
      "/organizations",
      "/organizations/coder",
      "/organizations/coder/members",
      "/organizations/coder/groups/developers/members",
      "/organizations/coder/groups/developers/settings/extra",
      "/organizations//groups",
      "/organizations/coder/groups/%E0%A4%A",
      "/login/again",
    ]) {
      expect(matchRoute(path), path).toBeUndefined();
    }
  });

  it("has one entry per id and per path", () => {
    expect(new Set(routeTable.map((r) => r.id)).size).toBe(routeTable.length);
    expect(new Set(routeTable.map((r) => r.path)).size).toBe(routeTable.length);
  });
});

describe("layoutsOf", () => {
  const framesOf = (id: string) => layoutsOf(routeTable.find((route) => route.id === id)!);

  it("puts each page in the frames its entry names, outermost first", () => {
    expect(framesOf("login")).toEqual([]);
    expect(framesOf("groups")).toEqual([signedIn]);
    expect(framesOf("groupMembers")).toEqual([signedIn, groupLayout]);
    expect(framesOf("groupSettings")).toEqual([signedIn, groupLayout]);
  });

  it("nests a frame's pages under its path", () => {
    for (const route of routeTable.filter((r) => r.layout === groupLayout)) {
      expect(route.path.startsWith(groupLayout.path), route.id).toBe(true);
    }
  });
});
