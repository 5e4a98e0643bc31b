import { check } from "@shopify/theme-check-node";
import { describe, expect, it } from "vitest";
import { EXTENSION_DIR } from "./support/shopify-liquid.js";

describe("theme check", () => {
  // Shopify's own linter with its theme-app-extension config (picked from shopify.extension.toml):
  // app block tags, asset sizes (JS ≤ 10 KB), parser-blocking scripts, missing translations…
  it("reports nothing on the extension, errors or warnings", async () => {
    const offenses = await check(EXTENSION_DIR);
    const list = offenses.map(
      (o) => `${o.check} ${o.uri.split("/").slice(-2).join("/")}:${o.start.line} ${o.message}`,
    );
    expect(list).toEqual([]);
  }, 60_000);
});
