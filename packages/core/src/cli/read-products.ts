import { createReadStream, readFileSync, statSync } from "node:fs";
import { parse } from "csv-parse";
import { NinjaLeadError } from "../errors/index.js";
import type { SeoProductInput } from "../seo/schema.js";
import { productFromShopifyJson, productsFromShopifyCsv, type ShopifyCsvRow } from "../seo/shopify-export.js";

export interface ProductSource {
  products: AsyncIterable<SeoProductInput> | Iterable<SeoProductInput>;
  /** 0–1: how much of the file has been read (bytes for CSV, products for JSON). */
  progress(): number;
  /** Known up front for JSON, unknown (undefined) while streaming a CSV. */
  total: number | undefined;
}

/**
 * Opens a Shopify product export: CSV (streamed row by row) or JSON (REST `{products:[…]}`,
 * GraphQL `{data:{products:{nodes}}}`, a plain array, or JSON Lines).
 */
export function readProducts(path: string): ProductSource {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (cause) {
    throw new NinjaLeadError("not_found", `Cannot read ${path}`, { cause });
  }
  if (/\.csv$/i.test(path)) {
    const stream = createReadStream(path);
    let read = 0;
    stream.on("data", (chunk) => (read += chunk.length));
    const rows = stream.pipe(
      parse({ columns: true, bom: true, relax_column_count: true, skip_empty_lines: true }),
    ) as AsyncIterable<ShopifyCsvRow>;
    return {
      products: productsFromShopifyCsv(rows),
      progress: () => (size === 0 ? 1 : read / size),
      total: undefined,
    };
  }
  const text = readFileSync(path, "utf8");
  const items = parseJsonProducts(text, path);
  let done = 0;
  return {
    total: items.length,
    progress: () => (items.length === 0 ? 1 : done / items.length),
    products: (function* () {
      for (const item of items) {
        done++;
        yield productFromShopifyJson(item as Parameters<typeof productFromShopifyJson>[0]);
      }
    })(),
  };
}

function parseJsonProducts(text: string, path: string): unknown[] {
  const trimmed = text.trim();
  try {
    if (/\.jsonl$/i.test(path) || (trimmed.startsWith("{") && trimmed.includes("\n{"))) {
      return trimmed
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as unknown);
    }
    const data = JSON.parse(trimmed) as unknown;
    if (Array.isArray(data)) return data;
    const d = data as {
      products?: unknown;
      data?: { products?: { nodes?: unknown[]; edges?: { node: unknown }[] } };
    };
    if (Array.isArray(d.products)) return d.products;
    const gql = d.data?.products;
    if (gql?.nodes) return gql.nodes;
    if (gql?.edges) return gql.edges.map((e) => e.node);
    if (data && typeof data === "object" && "title" in data) return [data];
  } catch (cause) {
    throw new NinjaLeadError("import_failed", `${path} is not valid JSON`, { cause });
  }
  throw new NinjaLeadError(
    "import_failed",
    `${path}: no products found (expected an array, {products: […]} or GraphQL nodes)`,
  );
}
