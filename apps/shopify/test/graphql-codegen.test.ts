// The committed Admin operation types (app/types, `npm run codegen`) match the app's documents: a
// document added or changed without regenerating fails here, so none goes untyped.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generateAdminTypes } from "../../../scripts/codegen.js";
import { BULK_OPERATION_BY_ID } from "../app/shopify/graphql/bulk.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

describe("Admin GraphQL codegen", () => {
  it(
    "the committed types are what codegen generates from the documents now",
    { timeout: 180_000 },
    async () => {
      const files = await generateAdminTypes();
      expect([...files.keys()].sort()).toEqual([
        "apps/shopify/app/types/admin.generated.d.ts",
        "apps/shopify/app/types/admin.types.d.ts",
      ]);
      for (const [path, content] of files) {
        expect(
          readFileSync(`${root}${path}`, "utf8") === content,
          `${path} is stale: run npm run codegen`,
        ).toBe(true);
      }
      // Every document is keyed by its exact text (how AdminClient.request finds its types).
      const generated = files.get("apps/shopify/app/types/admin.generated.d.ts") ?? "";
      expect(generated).toContain(JSON.stringify(BULK_OPERATION_BY_ID));
    },
  );
});
