import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type * as SchemaEngineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

type Bindings = typeof SchemaEngineBindings;

let loaded: Promise<Bindings> | undefined;

/**
 * Loads Prisma's schema engine compiled to WebAssembly. Its package entry imports the `.wasm`
 * file as an ES module, which Node cannot do, so we instantiate the bytes ourselves and hand the
 * exports to the generated bindings (what the entry would have done). Loaded once per process.
 */
export function loadSchemaEngine(): Promise<Bindings> {
  loaded ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    // createRequire, not import.meta.resolve: the latter is missing under Vite's module runner.
    const jsPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(jsPath.replace(/\.js$/, ".wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    const exports = instance.exports as { __wbindgen_start: () => void };
    bg.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bg;
  })();
  return loaded;
}

export type { SchemaEngine };
