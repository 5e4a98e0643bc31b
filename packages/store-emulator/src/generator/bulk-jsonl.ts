// Writes the JSONL of a bulk products export directly from the generator, streamed, without a
// store in memory: what `bulkOperationRunQuery(DEFAULT_BULK_PRODUCTS_QUERY)` would produce for a
// store generated with the same seed (a test checks they agree byte for byte).
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { toGid } from "../gid.js";
import type { ProductRecord } from "../store/types.js";
import { generateProduct, HandleAllocator } from "./products.js";

/** The bulk query whose output {@link writeBulkJsonl} reproduces. */
export const DEFAULT_BULK_PRODUCTS_QUERY = `{
  products {
    edges {
      node {
        id
        title
        handle
        descriptionHtml
        vendor
        productType
        status
        tags
        createdAt
        updatedAt
        publishedAt
        seo { title description }
        variants {
          edges {
            node {
              id
              title
              sku
              barcode
              price
              compareAtPrice
              inventoryQuantity
              position
              selectedOptions { name value }
            }
          }
        }
        media {
          edges {
            node {
              id
              alt
              mediaContentType
              ... on MediaImage { image { url width height } }
            }
          }
        }
        metafields {
          edges {
            node { id namespace key type value }
          }
        }
      }
    }
  }
}`;

/** The JSONL lines of one product for {@link DEFAULT_BULK_PRODUCTS_QUERY}. */
export function productBulkLines(product: ProductRecord): string {
  const parentId = toGid("Product", product.id);
  let out = `${JSON.stringify({
    id: parentId,
    title: product.title,
    handle: product.handle,
    descriptionHtml: product.descriptionHtml,
    vendor: product.vendor,
    productType: product.productType,
    status: product.status,
    tags: product.tags,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    publishedAt: product.publishedAt,
    seo: { title: product.seo.title, description: product.seo.description },
  })}\n`;
  for (const v of [...product.variants].sort((a, b) => a.position - b.position || a.id - b.id)) {
    out += `${JSON.stringify({
      id: toGid("ProductVariant", v.id),
      title: v.title,
      sku: v.sku,
      barcode: v.barcode,
      price: v.price,
      compareAtPrice: v.compareAtPrice,
      inventoryQuantity: v.inventoryQuantity,
      position: v.position,
      selectedOptions: v.selectedOptions.map((o) => ({ name: o.name, value: o.value })),
      __parentId: parentId,
    })}\n`;
  }
  for (const m of product.media) {
    out += `${JSON.stringify({
      id: toGid("MediaImage", m.id),
      alt: m.alt,
      mediaContentType: "IMAGE",
      image: { url: m.url, width: m.width, height: m.height },
      __parentId: parentId,
    })}\n`;
  }
  for (const f of [...product.metafields].sort((a, b) => a.id - b.id)) {
    out += `${JSON.stringify({ id: toGid("Metafield", f.id), namespace: f.namespace, key: f.key, type: f.type, value: f.value, __parentId: parentId })}\n`;
  }
  return out;
}

export interface BulkFileStats {
  products: number;
  variants: number;
  media: number;
  metafields: number;
  lines: number;
  bytes: number;
}

/**
 * Streams the bulk JSONL of `products` generated products (seed `seed`) to `path`; memory stays
 * flat whatever the count (100,000 products ≈ 700,000 lines).
 *
 * @example
 * await writeBulkJsonl("/tmp/products.jsonl", { seed: 1, products: 100_000 });
 */
export async function writeBulkJsonl(
  path: string,
  options: { seed: number; products: number; locales?: readonly string[] },
): Promise<BulkFileStats> {
  // A deep buffer lets generation run while the previous chunks are being written.
  const stream = createWriteStream(path, { highWaterMark: 8 << 20 });
  const handles = new HandleAllocator();
  const stats: BulkFileStats = { products: 0, variants: 0, media: 0, metafields: 0, lines: 0, bytes: 0 };
  let buffer = "";
  for (let i = 0; i < options.products; i += 1) {
    const { product } = generateProduct(
      options.seed,
      i,
      handles,
      options.locales ?? ["fr", "de", "es", "it"],
    );
    buffer += productBulkLines(product);
    stats.products += 1;
    stats.variants += product.variants.length;
    stats.media += product.media.length;
    stats.metafields += product.metafields.length;
    if (buffer.length > 1 << 20) {
      stats.bytes += Buffer.byteLength(buffer);
      if (!stream.write(buffer)) await once(stream, "drain");
      buffer = "";
    }
  }
  stats.bytes += Buffer.byteLength(buffer);
  stream.end(buffer);
  await once(stream, "close");
  stats.lines = stats.products + stats.variants + stats.media + stats.metafields;
  return stats;
}
