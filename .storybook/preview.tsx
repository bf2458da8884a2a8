import type { Decorator, Preview } from "@storybook/react-vite";
import { mswLoader } from "msw-storybook-addon/csf3";
import { toast } from "sonner";
import { configure } from "storybook/test";
import { applyTheme } from "../src/app/startup/theme";
import { seriousA11yViolations } from "../src/testHelpers/a11y";
import { handlers, resetMockBackend } from "../src/testHelpers/handlers";
import "../src/index.css";

// Page stories load route chunks on demand; give them longer than the 1 s default, as long as the
// unit tests' waits (vitest.setup.ts), so a busy machine slows a story without failing it.
configure({ asyncUtilTimeout: 10_000 });

const THEMES = ["dark", "light"] as const;

/** The toolbar's theme on <html>, as the app sets it. */
const withTheme: Decorator = (Story, { globals }) => {
  applyTheme(globals.theme === "light" ? "light" : "dark");
  return <Story />;
};

const preview: Preview = {
  // A Docs page for every component and page, from its stories.
  tags: ["autodocs"],
  loaders: [mswLoader()],
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: "Colour theme",
      toolbar: { title: "Theme", icon: "mirror", items: [...THEMES], dynamicTitle: true },
    },
  },
  initialGlobals: {
    theme: "dark",
    viewport: { value: undefined },
  },
  parameters: {
    layout: "padded",
    msw: { handlers: { backend: handlers } },
    viewport: {
      options: {
        phone: { name: "Phone (390 × 844)", styles: { width: "390px", height: "844px" } },
        narrow: { name: "Narrowest (360 × 740)", styles: { width: "360px", height: "740px" } },
        desktop: { name: "Desktop (1440 × 900)", styles: { width: "1440px", height: "900px" } },
      },
    },
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
  // Every story, in every state its play function leaves it in, must pass
  // axe in both themes (contrast included).
  afterEach: async ({ canvasElement, globals }) => {
    const shown = globals.theme === "light" ? "light" : "dark";
    const problems: string[] = [];
    for (const theme of [shown, ...THEMES.filter((t) => t !== shown)]) {
      applyTheme(theme);
      problems.push(...(await seriousA11yViolations(canvasElement)).map((v) => `${theme}: ${v}`));
    }
    applyTheme(shown);
    if (problems.length > 0) {
      throw new Error(`Accessibility violations:\n${problems.join("\n")}`);
    }
  },
};

export default preview;
