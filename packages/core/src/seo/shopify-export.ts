import type { SeoProductInput } from "./schema.js";

/** One row of Shopify's product CSV export ("Handle,Title,Body (HTML),…"), header → cell. */
export type ShopifyCsvRow = Readonly<Record<string, string | undefined>>;

const cell = (row: ShopifyCsvRow, name: string): string => (row[name] ?? "").trim();

/**
 * Turns the rows of a Shopify product CSV export into products, streaming: Shopify writes one row
 * per variant/image and repeats the Handle, with the product fields only on the first row.
 *
 * @example
 * for await (const product of productsFromShopifyCsv(rows)) auditProduct(product);
 */
export async function* productsFromShopifyCsv(
  rows: AsyncIterable<ShopifyCsvRow> | Iterable<ShopifyCsvRow>,
  defaults: Partial<SeoProductInput> = {},
): AsyncGenerator<SeoProductInput> {
  let current:
    | (SeoProductInput & {
        images: { src: string; alt: string }[];
        variants: NonNullable<SeoProductInput["variants"]>;
      })
    | undefined;
  const seenImages = new Set<string>();
  for await (const row of rows) {
    const handle = cell(row, "Handle");
    if (handle === "") continue;
    if (!current || current.handle !== handle) {
      if (current) yield current;
      seenImages.clear();
      const tags = cell(row, "Tags");
      current = {
        ...defaults,
        id: handle,
        handle,
        title: cell(row, "Title"),
        descriptionHtml: row["Body (HTML)"] ?? "",
        vendor: cell(row, "Vendor"),
        productType: cell(row, "Type"),
        tags: tags === "" ? [] : tags.split(",").map((t) => t.trim()),
        seoTitle: cell(row, "SEO Title"),
        metaDescription: cell(row, "SEO Description"),
        images: [],
        variants: [],
      };
    }
    const price = cell(row, "Variant Price");
    const sku = cell(row, "Variant SKU");
    if (price !== "" || sku !== "") {
      const qty = cell(row, "Variant Inventory Qty");
      const tracked = cell(row, "Variant Inventory Tracker") !== "";
      current.variants.push({
        sku,
        barcode: cell(row, "Variant Barcode").replace(/^'/, ""),
        price: price === "" ? null : price,
        compareAtPrice: cell(row, "Variant Compare At Price") || null,
        // Availability is known only when Shopify tracks inventory for the variant.
        ...(tracked && qty !== "" && Number.isFinite(Number(qty))
          ? { available: Number(qty) > 0 || cell(row, "Variant Inventory Policy") === "continue" }
          : {}),
      });
    }
    const src = cell(row, "Image Src");
    if (src !== "" && !seenImages.has(src)) {
      seenImages.add(src);
      current.images.push({ src, alt: cell(row, "Image Alt Text") });
    }
  }
  if (current) yield current;
}

interface ShopifyJsonProduct {
  id?: string | number;
  title?: string;
  handle?: string;
  body_html?: string | null;
  descriptionHtml?: string | null;
  vendor?: string | null;
  product_type?: string | null;
  productType?: string | null;
  tags?: string | string[] | null;
  seo?: { title?: string | null; description?: string | null } | null;
  metafields_global_title_tag?: string | null;
  metafields_global_description_tag?: string | null;
  images?:
    | { src?: string | null; url?: string | null; alt?: string | null; altText?: string | null }[]
    | { nodes?: unknown[] }
    | null;
  variants?:
    | {
        sku?: string | null;
        barcode?: string | null;
        price?: string | number | { amount?: string } | null;
        inventory_quantity?: number | null;
        availableForSale?: boolean | null;
      }[]
    | { nodes?: unknown[] }
    | null;
}

const nodes = <T>(v: T[] | { nodes?: unknown[] } | null | undefined): T[] =>
  Array.isArray(v) ? v : ((v?.nodes ?? []) as T[]);

/**
 * Maps a product from Shopify's REST (`body_html`, `product_type`) or GraphQL (`descriptionHtml`,
 * `seo`, `images.nodes`) JSON to the audit's input.
 */
export function productFromShopifyJson(
  p: ShopifyJsonProduct,
  defaults: Partial<SeoProductInput> = {},
): SeoProductInput {
  const tags = Array.isArray(p.tags)
    ? p.tags
    : (p.tags ?? "")
        .split(",")
        .map((t) => t.trim())
        .filter((t) => t !== "");
  return {
    ...defaults,
    id: p.id === undefined ? p.handle : String(p.id),
    title: p.title ?? "",
    handle: p.handle ?? "",
    descriptionHtml: p.descriptionHtml ?? p.body_html ?? "",
    vendor: p.vendor ?? "",
    productType: p.productType ?? p.product_type ?? "",
    tags,
    seoTitle: p.seo?.title ?? p.metafields_global_title_tag ?? "",
    metaDescription: p.seo?.description ?? p.metafields_global_description_tag ?? "",
    images: nodes<{ src?: string | null; url?: string | null; alt?: string | null; altText?: string | null }>(
      p.images,
    ).map((i) => ({
      src: i.src ?? i.url ?? "",
      alt: i.alt ?? i.altText ?? "",
    })),
    variants: nodes<{
      sku?: string | null;
      barcode?: string | null;
      price?: string | number | { amount?: string } | null;
      inventory_quantity?: number | null;
      availableForSale?: boolean | null;
    }>(p.variants).map((v) => ({
      sku: v.sku ?? "",
      barcode: v.barcode ?? "",
      price: typeof v.price === "object" && v.price !== null ? (v.price.amount ?? null) : (v.price ?? null),
      ...(typeof v.availableForSale === "boolean"
        ? { available: v.availableForSale }
        : typeof v.inventory_quantity === "number"
          ? { available: v.inventory_quantity > 0 }
          : {}),
    })),
  };
}
