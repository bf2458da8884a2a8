import type { Preview } from "@storybook/react-vite";
import { mswLoader } from "msw-storybook-addon/csf3";
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
  beforeEach: () => {
    resetMockBackend();
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
