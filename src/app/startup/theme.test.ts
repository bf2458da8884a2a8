import { afterEach, describe, expect, it } from "vitest";
import { applyTheme, chooseTheme, storedTheme } from "./theme";

afterEach(() => {
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe("the colour theme", () => {
  it("follows the system until one is chosen, then keeps the choice", () => {
    expect(storedTheme()).toBe("system");
    chooseTheme("light");
    expect(document.documentElement.dataset.theme).toBe("light");
    expect(storedTheme()).toBe("light");
    chooseTheme("system");
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(storedTheme()).toBe("system");
  });

  it("ignores a stored value it does not know", () => {
    window.localStorage.setItem("theme", "purple");
    expect(storedTheme()).toBe("system");
    applyTheme(storedTheme());
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
