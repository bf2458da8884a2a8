import path from "node:path";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Builds bench/reconstruction/ into dist-reconstruction/, for `npm run bench` only.
export default defineConfig({
  root: import.meta.dirname,
  // The same stylesheet as the app, built the same way, so only the code differs.
  plugins: [react(), tailwindcss()],
  build: {
    outDir: path.resolve(import.meta.dirname, "../../dist-reconstruction"),
    emptyOutDir: true,
    manifest: true,
  },
});
