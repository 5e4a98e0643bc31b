import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

// The exports map in package.json is the single list of public entry points:
// "." → src/index.ts, "./seo" → src/seo/index.ts. No wildcard, so internals stay private.
const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  exports: Record<string, unknown>;
  bin?: Record<string, string>;
};
const entry: Record<string, string> = {};
for (const subpath of Object.keys(pkg.exports)) {
  if (subpath === "./package.json") continue;
  const name = subpath === "." ? "index" : `${subpath.slice(2)}/index`;
  entry[name] = subpath === "." ? "src/index.ts" : `src/${subpath.slice(2)}/index.ts`;
}

export default defineConfig([
  {
    entry,
    format: ["esm", "cjs"],
    dts: true,
    // Shared chunks keep one copy of each class per format, so instanceof works across subpaths.
    splitting: true,
    sourcemap: true,
    clean: true,
    target: "node22",
    platform: "neutral",
    external: ["ioredis"],
    outDir: "dist",
  },
  // The `ninjalead` bin (package.json "bin"): Node-only, ESM, executable. Not an export.
  {
    entry: { "cli/index": "src/cli/index.ts" },
    format: ["esm"],
    platform: "node",
    target: "node22",
    banner: { js: "#!/usr/bin/env node" },
    sourcemap: true,
    clean: false,
    outDir: "dist",
  },
]);
