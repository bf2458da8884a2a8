// The tests `npm run mutation` runs against each mutant (see docs/mutation.md).
// Pure modules are held by tests in Node, which start in milliseconds; the
// leave guard, drafts and early requests by small tests in jsdom. No
// Storybook, e2e or whole-page tests (a mutant of the leave guard would run
// every test that renders the settings page, seconds each), and of the
// server's tests only those that need no database: one PGlite test takes over
// a second, and a mutant of the shared rules would run hundreds of them.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "rules",
          globals: true,
          environment: "node",
          include: [
            "core/*.test.ts",
            "core/domain/*.test.ts",
            "core/validation.test.ts",
            "src/pages/GroupsPage/GroupSettings/saveOutcome.test.ts",
            "src/pages/GroupsPage/GroupSettings/groupSettingsForm.test.ts",
            "server/rbac.test.ts",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          globals: true,
          environment: "jsdom",
          setupFiles: ["./vitest.setup.ts"],
          include: [
            "src/api/earlyRequests.test.ts",
            "src/app/startup/earlyStart.test.ts",
            "src/pages/GroupsPage/GroupSettings/draft.test.ts",
            "src/pages/GroupsPage/GroupSettings/useUnsavedChanges.test.tsx",
          ],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
