// docs/reliability.md names a test for each row: each must still exist.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const doc = readFileSync(path.join(ROOT, "docs/reliability.md"), "utf8");
const references = [...doc.matchAll(/`([^`]+\.test\.tsx?) › ([^`]+)`/g)].map((m) => ({ file: m[1]!, name: m[2]! }));

describe("docs/reliability.md", () => {
  it("names tests", () => {
    expect(references.length).toBeGreaterThan(40);
  });

  it.each(references)("$file › $name exists", ({ file, name }) => {
    const source = path.join(ROOT, file);
    expect(existsSync(source), file).toBe(true);
    // A test title is written in the file as a string, or (for it.each rows)
    // as the row's label.
    const text = readFileSync(source, "utf8");
    const quoted = name.replace(/^"(.*)"$/, "$1");
    expect(
      text.includes(`"${quoted}"`) || text.includes(`'${quoted}'`) || text.includes(`\`${quoted}\``),
      `${file}: ${name}`,
    ).toBe(true);
  });
});
