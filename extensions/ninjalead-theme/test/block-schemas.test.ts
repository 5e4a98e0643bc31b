import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXTENSION_DIR, readBlockSchema } from "./support/shopify-liquid.js";

// What Shopify accepts in a theme app extension block schema and theme check does not verify.
const TARGETS = ["section", "head", "body", "compliance_head"];
const blocks = readdirSync(join(EXTENSION_DIR, "blocks")).map((f) => f.replace(/\.liquid$/, ""));

describe("block schemas", () => {
  it("declare the SEO embed in the head and the four blocks in sections", () => {
    expect(Object.fromEntries(blocks.map((b) => [b, readBlockSchema(b).target]))).toEqual({
      "campaign-banner": "section",
      "lead-form": "section",
      "persona-message": "section",
      "product-faq": "section",
      "seo-embed": "head",
    });
  });

  it.each(blocks)("%s: valid name, target, available_if and settings", (block) => {
    const schema = readBlockSchema(block);
    expect(schema.name.length).toBeLessThanOrEqual(25);
    expect(TARGETS).toContain(schema.target);
    expect(schema.available_if).toMatch(/^\{\{ app\.metafields\.\w+\.\w+ \}\}$/);
    const ids = (schema.settings ?? []).flatMap((s) => (s.id === undefined ? [] : [s.id]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const setting of schema.settings ?? []) {
      // Every merchant-facing text is a translation key.
      for (const text of [setting.label, setting.content].filter((t) => t !== undefined)) {
        expect(text).toMatch(/^t:settings\./);
      }
      if (setting.type === "checkbox") expect(typeof setting.default).toBe("boolean");
      if (setting.type === "select") {
        const options = (setting as { options?: { value: string; label: string }[] }).options ?? [];
        expect(options.map((o) => o.value)).toContain(setting.default);
        for (const o of options) expect(o.label).toMatch(/^t:settings\./);
      }
    }
  });
});
