import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Builds bench/reconstruction/ into dist-reconstruction/, for `npm run bench` only.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, "../../dist-reconstruction"),
    emptyOutDir: true,
    manifest: true,
  },
});
