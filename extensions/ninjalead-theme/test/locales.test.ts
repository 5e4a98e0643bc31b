import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { LANGUAGES } from "../../../packages/core/src/i18n/index.js";
import { describe, expect, it } from "vitest";
import { EXTENSION_DIR } from "./support/shopify-liquid.js";

const LOCALES = join(EXTENSION_DIR, "locales");
const fileOf = (lang: string, kind: "" | ".schema") => `${lang === "en" ? "en.default" : lang}${kind}.json`;

/** Dotted keys of every string leaf. */
function leaves(tree: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === "string") out.set(prefix, tree);
  else if (typeof tree === "object" && tree !== null) {
    for (const [k, v] of Object.entries(tree)) {
      for (const [key, text] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(key, text);
    }
  }
  return out;
}

const read = (file: string) => leaves(JSON.parse(readFileSync(join(LOCALES, file), "utf8")));
const blockSources = readdirSync(join(EXTENSION_DIR, "blocks")).map((f) =>
  readFileSync(join(EXTENSION_DIR, "blocks", f), "utf8"),
);

describe("locales", () => {
  it("ship exactly the ten languages, storefront and theme-editor files", () => {
    const expected = LANGUAGES.flatMap((l) => [fileOf(l, ""), fileOf(l, ".schema")]).sort();
    expect(readdirSync(LOCALES).sort()).toEqual(expected);
  });

  it.each(["", ".schema"] as const)("have the same non-empty keys in every language (%s)", (kind) => {
    const reference = [...read(fileOf("en", kind)).keys()].sort();
    for (const lang of LANGUAGES) {
      const texts = read(fileOf(lang, kind));
      expect([...texts.keys()].sort(), lang).toEqual(reference);
      for (const [key, text] of texts) expect(text.trim(), `${lang} ${key}`).not.toBe("");
    }
  });

  it("translate every settings label the blocks' schemas use (t: keys)", () => {
    const used = new Set(
      blockSources.flatMap((s) => [...s.matchAll(/"t:([\w.]+)"/g)].map((m) => m[1] ?? "")),
    );
    expect(used.size).toBeGreaterThan(10);
    for (const lang of LANGUAGES) {
      const keys = read(fileOf(lang, ".schema"));
      for (const key of used) expect(keys.has(key), `${lang} ${key}`).toBe(true);
    }
  });

  it("translate every storefront string the Liquid uses, as plain text (no HTML characters)", () => {
    const sources = [
      ...blockSources,
      ...readdirSync(join(EXTENSION_DIR, "snippets")).map((f) =>
        readFileSync(join(EXTENSION_DIR, "snippets", f), "utf8"),
      ),
    ];
    const used = new Set(
      sources.flatMap((s) => [...s.matchAll(/'([\w.]+)' \| t\b/g)].map((m) => m[1] ?? "")),
    );
    expect([...used].sort()).toEqual([
      "ninjalead.campaign.label",
      "ninjalead.faq.heading",
      "ninjalead.lead.consent",
      "ninjalead.lead.email",
      "ninjalead.lead.heading",
      "ninjalead.lead.submit",
      "ninjalead.persona.heading",
    ]);
    for (const lang of LANGUAGES) {
      const texts = read(fileOf(lang, ""));
      for (const key of used) expect(texts.get(key), `${lang} ${key}`).toMatch(/^[^<>&"']+$/);
    }
  });
});
