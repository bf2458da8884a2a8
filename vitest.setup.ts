import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { toast } from "sonner";
import { afterAll, afterEach, beforeAll } from "vitest";
import { resetMockBackend } from "./src/testHelpers/handlers";
import { server } from "./src/testHelpers/server";

// Routes load their pages lazily; on a busy 2-core machine (every test project
// at once) the first import of a page in a file has taken over 5 s.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no modal dialogs; Chromium (stories, e2e) tests the real ones.
if (typeof HTMLDialogElement !== "undefined" && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute("open");
    this.dispatchEvent(new Event("close"));
  };
}

// jsdom lays nothing out: Radix's menus and tooltips measure their trigger with
// ResizeObserver and capture the pointer; these do nothing here, as in a page
// where nothing is ever resized. Chromium (stories, e2e) runs the real ones.
if (typeof globalThis.ResizeObserver === "undefined") {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
if (typeof Element !== "undefined" && !Element.prototype.hasPointerCapture) {
  Element.prototype.hasPointerCapture = () => false;
  Element.prototype.releasePointerCapture = () => {};
  Element.prototype.scrollIntoView = () => {};
}

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  server.events.removeAllListeners();
  resetMockBackend();
  // Unsaved drafts live in sessionStorage; each test starts without one, and
  // with nothing another test left in localStorage.
  sessionStorage.clear();
  localStorage.clear();
  // sonner keeps its toasts in a module-wide store: one test's must not show in the next.
  toast.dismiss();
});
afterAll(() => server.close());
