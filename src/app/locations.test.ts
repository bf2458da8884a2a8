import { locate } from "./locations";

describe("locate", () => {
  it("names each page the boot code prefetches for", () => {
    expect(locate("/login")).toEqual({ page: "login" });
    expect(locate("/organizations/coder/groups")).toEqual({ page: "groups", organization: "coder" });
    expect(locate("/organizations/coder/groups/developers")).toEqual({
      page: "group",
      organization: "coder",
      groupName: "developers",
    });
    expect(locate("/organizations/coder/groups/developers/settings/")).toEqual({
      page: "groupSettings",
      organization: "coder",
      groupName: "developers",
    });
  });

  it("decodes names as the router does", () => {
    expect(locate("/organizations/my%20org/groups/data%2Dscience")).toEqual({
      page: "group",
      organization: "my org",
      groupName: "data-science",
    });
  });

  it("answers nothing for other paths, so nothing is fetched for them", () => {
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
      expect(locate(path), path).toBeUndefined();
    }
  });
});
