import {
  bulkUtc,
  gidId,
  type BulkMediaLine,
  type BulkMetafieldLine,
  type BulkProductLine,
  type BulkVariantLine,
} from "./rows.server.js";
import { copyField } from "./upsert.server.js";

// COPY lines straight from product lines that passed the rows.server.ts shape guards: the same text
// as copyLine(spec, bulkLineToRow(line).row), without the row object and the per-column dispatch in
// between (the ingest's hot loop). test/bulk-rows.test.ts holds them to that equality.

const text = (value: string | null | undefined): string => copyField(value, "text");
const int = (value: number | null | undefined): string =>
  value === null || value === undefined ? "\\N" : String(value);

/** `shop` is the shop's field as copyField wrote it; `id` the line's numeric id. */
export function productCopyLine(shop: string, id: string, p: BulkProductLine): string {
  return `${shop}\t${id}\t${text(p.title)}\t${text(p.handle)}\t${text(p.descriptionHtml ?? "")}\t${text(
    p.vendor ?? "",
  )}\t${text(p.productType ?? "")}\t${text(p.status)}\t${copyField(p.tags, "text[]")}\t${text(
    p.seo?.title,
  )}\t${text(p.seo?.description)}\t${text(p.templateSuffix)}\t${bulkUtc(p.createdAt)}\t${bulkUtc(p.updatedAt)}\n`;
}

export function variantCopyLine(shop: string, id: string, v: BulkVariantLine): string {
  return `${shop}\t${id}\t${gidId(v.__parentId)}\t${text(v.title)}\t${text(v.sku)}\t${text(v.barcode)}\t${text(
    v.price,
  )}\t${text(v.compareAtPrice)}\t${int(v.inventoryQuantity)}\t${int(v.position ?? 1)}\t${copyField(
    v.selectedOptions,
    "jsonb",
  )}\t${bulkUtc(v.updatedAt)}\n`;
}

export function metafieldCopyLine(shop: string, id: string, m: BulkMetafieldLine): string {
  return `${shop}\t${id}\t${gidId(m.__parentId)}\t${text(m.namespace)}\t${text(m.key)}\t${text(m.type)}\t${text(
    m.value,
  )}\n`;
}

/** A media line up to its position (see MediaLines), and its product's numeric id. */
export function mediaCopyHead(
  shop: string,
  id: string,
  m: BulkMediaLine,
  mediaType: string,
): { head: string; parent: string } {
  const parent = gidId(m.__parentId);
  const url = m.image?.url ?? m.preview?.image?.url;
  return {
    parent,
    head: `${shop}\t${id}\t${parent}\t${text(m.alt)}\t${text(url)}\t${text(m.mimeType)}\t${int(
      m.image?.width,
    )}\t${int(m.image?.height)}\t${text(mediaType)}\t`,
  };
}
