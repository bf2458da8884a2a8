import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const distDir = path.join(ROOT, "dist");
export const hasBuild = () => existsSync(path.join(distDir, "index.html"));
