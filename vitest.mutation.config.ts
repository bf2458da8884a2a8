// The tests `npm run mutation` runs against each mutant: the unit and
// component tests of the modules it mutates, and the server and contract
// tests that hold authorization and Coder's rules. No Storybook, no e2e: a
// run must take minutes. Each file listed here is one that fails when one of
// the mutated modules answers wrongly (see docs/mutation.md).
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          globals: true,
          environment: "jsdom",
          setupFiles: ["./vitest.setup.ts"],
          include: [
            "src/utils/*.test.ts",
            "src/domain/*.test.ts",
            "src/api/*.test.ts",
            "src/app/*.test.ts",
            "src/pages/GroupsPage/*.test.{ts,tsx}",
          ],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "server",
          globals: true,
          environment: "node",
          include: ["server/api.test.ts", "server/aiSpend.test.ts", "server/crossOrganization.test.ts", "server/budgetRules.property.test.ts", "test/contract/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
