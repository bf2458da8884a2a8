// No module under src/ may reach itself through its imports: static, dynamic
// (a lazy page is still a dependency) or type-only. A cycle is where a
// newcomer cannot tell which module owns what.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = path.resolve(SRC, "..");
const CORE = path.join(ROOT, "core");
const SERVER = path.join(ROOT, "server");
const EXTENSIONS = [".ts", ".tsx"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return EXTENSIONS.includes(path.extname(name)) && !/\.d\.ts$/.test(name) ? [full] : [];
  });
}

/** The files under src/ that `file` imports (relative specifiers only: packages cannot import us back). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+["'](\.[^"']+)["']/gms),
    ...text.matchAll(/^\s*import\s+["'](\.[^"']+)["']/gm),
    ...text.matchAll(/\bimport\(\s*["'](\.[^"']+)["']\s*\)/g),
  ].map((match) => match[1]!);
  return specifiers.flatMap((specifier) => {
    const base = path.resolve(path.dirname(file), specifier);
    const candidates = [
      base,
      ...EXTENSIONS.map((ext) => base + ext),
      ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
    ];
    const found = candidates.find((candidate) => EXTENSIONS.includes(path.extname(candidate)) && safeIsFile(candidate));
    return found ? [found] : [];
  });
}

const safeIsFile = (file: string) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** Every cycle's modules, found by a depth-first walk (each cycle reported once, from where it was first seen). */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe("imports under src/ and core/", () => {
  const graph = new Map([...sourceFiles(SRC), ...sourceFiles(CORE)].map((file) => [file, importsOf(file)]));

  it("are read from the files (the walk sees the app's real imports)", () => {
    const main = graph.get(path.join(SRC, "main.ts"));
    expect(main).toContain(path.join(SRC, "app", "startup", "earlyStart.ts"));
    expect(main).toContain(path.join(SRC, "app", "startup", "boot.ts"));
  });

  it("form no cycle", () => {
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => path.relative(ROOT, file)).join(" → "));
    expect(cycles).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    expect(
      findCycles(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", ["a"]],
          ["d", ["a"]],
        ]),
      ),
    ).toEqual([["a", "b", "c", "a"]]);
  });
});

// The shared core is what the browser and the server both use: it reaches
// neither of them, and the server reaches the browser's code only through it.
describe("the shared core's borders", () => {
  const outside = (files: string[], forbidden: string[]) =>
    files.flatMap((file) =>
      importsOf(file)
        .filter((target) => forbidden.some((dir) => target.startsWith(dir + path.sep)))
        .map((target) => `${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`),
    );

  it("core/ imports nothing from src/ or server/", () => {
    expect(outside(sourceFiles(CORE), [SRC, SERVER])).toEqual([]);
  });

  it("server/ imports nothing from src/", () => {
    expect(outside(sourceFiles(SERVER), [SRC])).toEqual([]);
  });
});
