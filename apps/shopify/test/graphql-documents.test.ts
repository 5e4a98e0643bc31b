// Every Admin GraphQL document in the app is valid against Shopify's Admin API 2026-10 schema
// (the copy the store emulator validates with), bulk inner queries included.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadAdminSchema } from "@ninjalead/store-emulator";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";

const dir = fileURLToPath(new URL("../app/shopify/graphql/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

describe("Admin GraphQL documents", () => {
  it("finds the documents", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)("%s: every document validates against the 2026-10 schema", async (file) => {
    const schema = loadAdminSchema();
    const module = (await import(`${dir}${file}`)) as Record<string, unknown>;
    const documents = Object.entries(module).filter((e): e is [string, string] => typeof e[1] === "string");
    expect(documents.length).toBeGreaterThan(0);
    for (const [name, text] of documents) {
      const errors = validate(schema, parse(text)).map((e) => e.message);
      expect(errors, name).toEqual([]);
    }
  });
});
