import type { Preview } from "@storybook/react-vite";
import { mswLoader } from "msw-storybook-addon/csf3";
import { toast } from "sonner";
import { configure } from "storybook/test";
import { seriousA11yViolations } from "../src/testHelpers/a11y";
import { handlers, resetMockBackend } from "../src/testHelpers/handlers";
import "../src/index.css";

// Page stories load route chunks on demand; give them longer than the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

const preview: Preview = {
  loaders: [mswLoader()],
  parameters: {
    layout: "padded",
    msw: { handlers: { backend: handlers } },
  },
  // Every story starts from a clean deployment, clean storage and no toasts,
  // whichever story ran before it: a draft one story left in sessionStorage
  // must not be "restored" in the next. (Each page story's AppAt makes its own
  // query cache; MSW handlers are set per story by mswLoader.)
  beforeEach: () => {
    resetMockBackend();
    sessionStorage.clear();
    localStorage.clear();
    toast.dismiss();
  },
  // Every story, in every state its play function leaves it in, must pass axe.
  afterEach: async ({ canvasElement }) => {
    const violations = await seriousA11yViolations(canvasElement);
    if (violations.length > 0) {
      throw new Error(`Accessibility violations:\n${violations.join("\n")}`);
    }
  },
};

export default preview;
