/**
 * Packs @ninjalead/core as npm would publish it, then checks the tarball the way a consumer
 * meets it: publint (package.json and files), Are The Types Wrong (types for every entry point in
 * ESM and CJS under node16 resolution), and a scratch project that installs the tarball and
 * imports every entry point from ESM and from CJS.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const coreDir = process.env.NINJALEAD_CORE_DIR ?? join(root, "packages/core");
const bin = (name: string) => join(root, "node_modules/.bin", name);
const work = mkdtempSync(join(tmpdir(), "ninjalead-pack-"));

function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${e.stdout ?? ""}${e.stderr ?? ""}`, { cause: error });
  }
}

try {
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], coreDir)) as {
    filename: string;
    files: { path: string }[];
  }[];
  const first = packed[0];
  if (!first) throw new Error("npm pack produced nothing");
  const tarball = join(work, first.filename);
  console.log(`packed ${first.filename} (${first.files.length} files)`);
  if (first.files.some((f) => f.path.startsWith("src/") || f.path.startsWith("test/"))) {
    throw new Error("the tarball contains sources or tests: check `files` in packages/core/package.json");
  }

  console.log(run(bin("publint"), ["run", tarball, "--strict"], root).trim());
  console.log(run(bin("attw"), [tarball, "--profile", "node16", "--format", "table-flipped"], root).trim());

  const pkg = JSON.parse(readFileSync(join(coreDir, "package.json"), "utf8")) as {
    name: string;
    exports: Record<string, unknown>;
  };
  const specifiers = Object.keys(pkg.exports)
    .filter((k) => k !== "./package.json")
    .map((k) => (k === "." ? pkg.name : `${pkg.name}/${k.slice(2)}`));

  const consumer = join(work, "consumer");
  run("mkdir", ["-p", consumer], root);
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({ name: "consumer", private: true, version: "0.0.0" }),
  );
  run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", tarball],
    consumer,
  );

  writeFileSync(
    join(consumer, "esm.mjs"),
    `const specs = ${JSON.stringify(specifiers)};
const out = {};
for (const s of specs) { const m = await import(s); out[s] = Object.keys(m).sort(); if (!out[s].length) throw new Error(s + " exports nothing"); }
const { createMemoryCache, NinjaLeadError, isNinjaLeadError } = await import("${pkg.name}");
const cache = createMemoryCache(); await cache.set("k", { v: 1 });
if ((await cache.get("k")).v !== 1) throw new Error("cache round trip failed");
if (!isNinjaLeadError(new NinjaLeadError("bad_request", "x"))) throw new Error("error hierarchy broken");
console.log(JSON.stringify(out));`,
  );
  writeFileSync(
    join(consumer, "cjs.cjs"),
    `const specs = ${JSON.stringify(specifiers)};
const out = {};
for (const s of specs) { const m = require(s); out[s] = Object.keys(m).filter((k) => k !== "__esModule").sort(); if (!out[s].length) throw new Error(s + " exports nothing"); }
const { createMemoryCache } = require("${pkg.name}");
createMemoryCache().set("k", 1).then(() => console.log(JSON.stringify(out)));`,
  );
  const esm = JSON.parse(run(process.execPath, ["esm.mjs"], consumer)) as Record<string, string[]>;
  const cjs = JSON.parse(run(process.execPath, ["cjs.cjs"], consumer)) as Record<string, string[]>;
  for (const spec of specifiers) {
    if (JSON.stringify(esm[spec]) !== JSON.stringify(cjs[spec])) {
      throw new Error(
        `${spec}: ESM and CJS export different names\nESM: ${esm[spec]?.join(",")}\nCJS: ${cjs[spec]?.join(",")}`,
      );
    }
  }
  console.log(`consumer: ${specifiers.length} entry points import from ESM and CJS with the same exports`);
  // The `ninjalead` command, as `npx @ninjalead/core audit …` runs it from the installed package.
  const help = run(join(consumer, "node_modules/.bin/ninjalead"), ["--help"], consumer);
  if (!help.includes("ninjalead audit"))
    throw new Error(`the ninjalead bin did not print its usage:\n${help}`);
  console.log("consumer: the ninjalead command runs from the installed tarball");
} finally {
  rmSync(work, { recursive: true, force: true });
}
