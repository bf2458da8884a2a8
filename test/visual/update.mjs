// `npm run visual:update`: photographs every story again, in both themes, as
// the new baselines (test/visual/baselines/). The folder is emptied first so
// the pictures of renamed or deleted stories go too. Review `git status` and
// the images before committing them.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const baselines = path.resolve(import.meta.dirname, "baselines");
rmSync(baselines, { recursive: true, force: true });
const { status } = spawnSync("npx", ["vitest", "run", "--project", "storybook", "--update"], { stdio: "inherit" });
if (status !== 0) {
  console.error("Some stories failed, so they have no baseline: fix them and run `npm run visual:update` again.");
}
process.exit(status ?? 1);
