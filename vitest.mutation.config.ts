// The tests `npm run mutation` runs against each mutant (see docs/mutation.md).
// Pure modules are held by tests in Node, which start in milliseconds; the
// leave guard, the save flow, drafts and early requests by tests in jsdom.
// No Storybook or e2e, and of the server's tests only those that need no
// database: one PGlite test takes over a second, and a mutant of the shared
// rules would run hundreds of them.
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
            "src/utils/*.test.ts",
            "src/domain/*.test.ts",
            "src/api/validation.test.ts",
            "src/pages/GroupsPage/saveOutcome.test.ts",
            "src/pages/GroupsPage/groupSettingsForm.test.ts",
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
            "src/app/earlyStart.test.ts",
            "src/pages/GroupsPage/draft.test.ts",
            "src/pages/GroupsPage/leaveGuard.test.tsx",
            "src/pages/GroupsPage/GroupSettingsPage.test.tsx",
            "src/pages/GroupsPage/GroupSettingsPage.faults.test.tsx",
          ],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
