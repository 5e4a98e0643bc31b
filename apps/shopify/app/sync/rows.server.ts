import { z } from "zod";
import { sealCustomerRow } from "../security/personal-data.server.js";

/**
 * From Shopify's shapes to mirror rows. Two sources: bulk-operation JSONL lines (GraphQL field
 * names, GIDs) and webhook payloads (REST field names, numeric ids). Both validated with zod; every
 * timestamp is normalised to UTC (webhooks carry the shop's offset; the columns hold UTC).
 */

export type Row = Record<string, unknown>;

/** A Shopify GID: its type and numeric id. */
export const gidPattern = /^gid:\/\/shopify\/(\w+)\/(\d+)/;

/** The numeric id of a Shopify GID (as a string: ids may exceed 2^53 in the future). */
export function gidId(gid: string): string {
  const match = gidPattern.exec(gid);
  if (!match?.[2]) throw new Error(`not a Shopify GID: ${gid}`);
  return match[2];
}

export function gidType(gid: string): string | undefined {
  return gidPattern.exec(gid)?.[1];
}

const utc = (value: string) => new Date(value).toISOString();
const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "must be a date");
const money = z.union([z.string(), z.number()]).transform((v) => String(v));
const nullableText = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
const gid = z.string().regex(gidPattern, "must be a Shopify GID");
const numericId = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform((v) => String(v));

// ---- bulk JSONL lines (GraphQL names) ----------------------------------------------------------
// Hundreds of thousands of lines per sync: these schemas check shapes without transforms (each
// transform is a pipe in zod 4, several times slower); nulls are normalised while building rows.

const text = z.string().nullish();
const DATE_TIME = z.regexes.datetime({ offset: true });
const dateTime = z.iso.datetime({ offset: true });
const decimal = z.string();

/** UTC text for a validated bulk timestamp: Shopify's own `…Z` form passes as is (PostgreSQL reads it). */
const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;
export const bulkUtc = (value: string) => (CANONICAL_UTC.test(value) ? value : utc(value));

const BulkProduct = z.object({
  id: gid,
  title: z.string(),
  handle: z.string(),
  descriptionHtml: z.string().nullish(),
  vendor: z.string().nullish(),
  productType: z.string().nullish(),
  status: z.string(),
  tags: z.array(z.string()).default([]),
  templateSuffix: text,
  seo: z.object({ title: text, description: text }).nullish(),
  createdAt: dateTime,
  updatedAt: dateTime,
});

const BulkVariant = z.object({
  id: gid,
  __parentId: gid,
  title: z.string(),
  sku: text,
  barcode: text,
  price: decimal,
  compareAtPrice: decimal.nullish(),
  inventoryQuantity: z.number().int().nullish(),
  position: z.number().int().nullish(),
  selectedOptions: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
  updatedAt: dateTime,
});

const BulkMedia = z.object({
  id: gid,
  __parentId: gid,
  alt: text,
  mimeType: text,
  image: z
    .object({ url: z.string(), width: z.number().int().nullish(), height: z.number().int().nullish() })
    .nullish(),
  preview: z.object({ image: z.object({ url: z.string() }).nullish() }).nullish(),
});

const BulkMetafield = z.object({
  id: gid,
  __parentId: gid,
  namespace: z.string(),
  key: z.string(),
  type: z.string(),
  value: z.string(),
});

const BulkCustomer = z.object({
  id: gid,
  firstName: text,
  locale: text,
  tags: z.array(z.string()).default([]),
  state: text,
  defaultEmailAddress: z.object({ emailAddress: text, marketingState: text }).nullish(),
  defaultAddress: z.object({ countryCodeV2: text }).nullish(),
  createdAt: dateTime,
  updatedAt: dateTime,
});

const MoneyBag = z.object({ shopMoney: z.object({ amount: decimal }) }).nullish();

const BulkOrder = z.object({
  id: gid,
  customer: z.object({ id: gid }).nullish(),
  currencyCode: z.string(),
  totalPriceSet: MoneyBag,
  subtotalPriceSet: MoneyBag,
  totalDiscountsSet: MoneyBag,
  displayFinancialStatus: text,
  discountCodes: z.array(z.string()).default([]),
  sourceName: text,
  cancelledAt: dateTime.nullish(),
  processedAt: dateTime,
  createdAt: dateTime,
  updatedAt: dateTime,
});

const BulkLineItem = z.object({
  id: gid,
  __parentId: gid,
  quantity: z.number().int(),
  product: z.object({ id: gid }).nullish(),
  variant: z.object({ id: gid }).nullish(),
  originalUnitPriceSet: MoneyBag,
});

// ---- the fast path: lines exactly as Shopify writes them ---------------------------------------
// zod costs more than JSON.parse on a 700,000-line sync. These guards accept only lines of exactly
// the expected shape (every field present with its JSON type, nothing to default), for which zod
// would return the same values; anything else (a missing field, a wrong type, a bad date) goes
// through zod, which accepts it or names the field. test/bulk-rows.test.ts checks that agreement
// on generated lines. Their `id` is a GID already: bulkLineToRow dispatches on its type.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown) => v === null || v === undefined || typeof v === "string";
const isInt = (v: unknown) => v === null || v === undefined || Number.isSafeInteger(v);
const isGid = (v: unknown) => typeof v === "string" && gidPattern.test(v);
const isDateTime = (v: unknown) => typeof v === "string" && DATE_TIME.test(v);
const isStrings = (v: unknown) => Array.isArray(v) && v.every((t) => typeof t === "string");

export function isPlainProduct(l: Json): l is Json & BulkProductLine {
  const seo = l.seo;
  return (
    typeof l.title === "string" &&
    typeof l.handle === "string" &&
    isText(l.descriptionHtml) &&
    isText(l.vendor) &&
    isText(l.productType) &&
    typeof l.status === "string" &&
    isStrings(l.tags) &&
    isText(l.templateSuffix) &&
    (seo === null || seo === undefined || (isObject(seo) && isText(seo.title) && isText(seo.description))) &&
    isDateTime(l.createdAt) &&
    isDateTime(l.updatedAt)
  );
}

export function isPlainVariant(l: Json): l is Json & BulkVariantLine {
  const options = l.selectedOptions;
  return (
    isGid(l.__parentId) &&
    typeof l.title === "string" &&
    isText(l.sku) &&
    isText(l.barcode) &&
    typeof l.price === "string" &&
    isText(l.compareAtPrice) &&
    isInt(l.inventoryQuantity) &&
    isInt(l.position) &&
    // Stored as they are (jsonb): only {name, value} pairs, as zod would strip anything else.
    Array.isArray(options) &&
    options.every(
      (o) =>
        isObject(o) &&
        typeof o.name === "string" &&
        typeof o.value === "string" &&
        Object.keys(o).length === 2,
    ) &&
    isDateTime(l.updatedAt)
  );
}

export function isPlainMedia(l: Json): l is Json & BulkMediaLine {
  const { image, preview } = l;
  return (
    isGid(l.__parentId) &&
    isText(l.alt) &&
    isText(l.mimeType) &&
    (image === null ||
      image === undefined ||
      (isObject(image) && typeof image.url === "string" && isInt(image.width) && isInt(image.height))) &&
    (preview === null ||
      preview === undefined ||
      (isObject(preview) &&
        (preview.image === null ||
          preview.image === undefined ||
          (isObject(preview.image) && typeof preview.image.url === "string"))))
  );
}

export function isPlainMetafield(l: Json): l is Json & BulkMetafieldLine {
  return (
    isGid(l.__parentId) &&
    typeof l.namespace === "string" &&
    typeof l.key === "string" &&
    typeof l.type === "string" &&
    typeof l.value === "string"
  );
}

export type BulkProductLine = z.output<typeof BulkProduct>;
export type BulkVariantLine = z.output<typeof BulkVariant>;
export type BulkMediaLine = z.output<typeof BulkMedia>;
export type BulkMetafieldLine = z.output<typeof BulkMetafield>;

/** Which mirror table a bulk line goes to, and the row. */
export type BulkRow =
  | { table: "Product"; row: Row }
  | { table: "Variant"; row: Row }
  | { table: "Media"; row: Row; parentId: string }
  | { table: "ProductMetafield"; row: Row }
  | { table: "Customer"; row: Row }
  | { table: "Order"; row: Row }
  | { table: "OrderLine"; row: Row };

/** The GID types of a product's media. */
export const MEDIA_TYPES = new Set(["MediaImage", "Video", "ExternalVideo", "Model3d"]);
/** Webhook payloads' `media_content_type` → the GraphQL type of the media (its file id's type). */
const MEDIA_CONTENT_TYPES: Readonly<Record<string, string>> = {
  IMAGE: "MediaImage",
  VIDEO: "Video",
  EXTERNAL_VIDEO: "ExternalVideo",
  MODEL_3D: "Model3d",
};

/**
 * One JSONL line → one row (or null for objects the mirror does not keep). Throws a ZodError
 * naming the field when a line does not have the expected shape.
 */
export function bulkLineToRow(shop: string, line: Record<string, unknown>): BulkRow | null {
  const gid = gidPattern.exec(typeof line.id === "string" ? line.id : "");
  const type = gid?.[1];
  const id = gid?.[2] ?? ""; // the numeric id, once the line is validated
  const parent = typeof line.__parentId === "string" ? line.__parentId : undefined;
  if (type === "Product") {
    const p = isPlainProduct(line) ? line : BulkProduct.parse(line);
    return {
      table: "Product",
      row: {
        shop,
        id,
        title: p.title,
        handle: p.handle,
        descriptionHtml: p.descriptionHtml ?? "",
        vendor: p.vendor ?? "",
        productType: p.productType ?? "",
        status: p.status,
        tags: p.tags,
        seoTitle: p.seo?.title ?? null,
        seoDescription: p.seo?.description ?? null,
        templateSuffix: p.templateSuffix ?? null,
        shopifyCreatedAt: bulkUtc(p.createdAt),
        shopifyUpdatedAt: bulkUtc(p.updatedAt),
      },
    };
  }
  if (type === "ProductVariant") {
    const v = isPlainVariant(line) ? line : BulkVariant.parse(line);
    return {
      table: "Variant",
      row: {
        shop,
        id,
        productId: gidId(v.__parentId),
        title: v.title,
        sku: v.sku ?? null,
        barcode: v.barcode ?? null,
        price: v.price,
        compareAtPrice: v.compareAtPrice ?? null,
        inventoryQuantity: v.inventoryQuantity ?? null,
        position: v.position ?? 1,
        selectedOptions: v.selectedOptions,
        shopifyUpdatedAt: bulkUtc(v.updatedAt),
      },
    };
  }
  if (type === "Metafield" && parent && gidType(parent) === "Product") {
    const m = isPlainMetafield(line) ? line : BulkMetafield.parse(line);
    return {
      table: "ProductMetafield",
      row: {
        shop,
        id,
        productId: gidId(m.__parentId),
        namespace: m.namespace,
        key: m.key,
        type: m.type,
        value: m.value,
      },
    };
  }
  if (type && MEDIA_TYPES.has(type) && parent) {
    const m = isPlainMedia(line) ? line : BulkMedia.parse(line);
    const productId = gidId(m.__parentId);
    return {
      table: "Media",
      parentId: productId,
      row: {
        shop,
        id,
        productId,
        alt: m.alt ?? null,
        url: m.image?.url ?? m.preview?.image?.url ?? null,
        mimeType: m.mimeType ?? null,
        width: m.image?.width ?? null,
        mediaType: type,
        height: m.image?.height ?? null,
        position: 0,
      },
    };
  }
  if (type === "Customer") {
    const c = BulkCustomer.parse(line);
    return { table: "Customer", row: customerRow(shop, id, c) };
  }
  if (type === "Order") {
    const o = BulkOrder.parse(line);
    return {
      table: "Order",
      row: {
        shop,
        id,
        customerId: o.customer ? gidId(o.customer.id) : null,
        currencyCode: o.currencyCode,
        totalPrice: o.totalPriceSet?.shopMoney.amount ?? "0",
        subtotalPrice: o.subtotalPriceSet?.shopMoney.amount ?? null,
        totalDiscounts: o.totalDiscountsSet?.shopMoney.amount ?? null,
        financialStatus: o.displayFinancialStatus ?? null,
        discountCodes: o.discountCodes,
        sourceName: o.sourceName ?? null,
        cancelledAt: o.cancelledAt ? bulkUtc(o.cancelledAt) : null,
        processedAt: bulkUtc(o.processedAt),
        shopifyCreatedAt: bulkUtc(o.createdAt),
        shopifyUpdatedAt: bulkUtc(o.updatedAt),
      },
    };
  }
  if (type === "LineItem" && parent) {
    const l = BulkLineItem.parse(line);
    return {
      table: "OrderLine",
      row: {
        shop,
        id,
        orderId: gidId(l.__parentId),
        productId: l.product ? gidId(l.product.id) : null,
        variantId: l.variant ? gidId(l.variant.id) : null,
        quantity: l.quantity,
        price: l.originalUnitPriceSet?.shopMoney.amount ?? "0",
      },
    };
  }
  return null;
}

// Email and first name leave this module sealed: the mirror never holds them in plaintext.
function customerRow(shop: string, id: string, c: z.output<typeof BulkCustomer>): Row {
  return sealCustomerRow({
    shop,
    id,
    email: c.defaultEmailAddress?.emailAddress ?? null,
    firstName: c.firstName ?? null,
    locale: c.locale ?? null,
    countryCode: c.defaultAddress?.countryCodeV2 ?? null,
    tags: c.tags,
    state: c.state ?? null,
    emailMarketingState: c.defaultEmailAddress?.marketingState ?? null,
    shopifyCreatedAt: bulkUtc(c.createdAt),
    shopifyUpdatedAt: bulkUtc(c.updatedAt),
  });
}

// ---- GraphQL nodes (reconciliation repairs): the same shapes as the bulk lines, nested ---------

const connection = <T extends z.ZodType>(node: T) => z.object({ nodes: z.array(node) }).nullish();

const ProductNode = BulkProduct.extend({
  variants: connection(BulkVariant.omit({ __parentId: true })),
  media: connection(BulkMedia.omit({ __parentId: true })),
  metafields: connection(BulkMetafield.omit({ __parentId: true })),
});

/** A product fetched by GraphQL (with its children) → the rows a bulk run would have written. */
export function productNodeToRows(shop: string, node: unknown): BulkRow[] {
  const p = ProductNode.parse(node);
  const rows: BulkRow[] = [];
  const { variants, media, metafields, ...product } = p;
  const push = (line: Record<string, unknown>) => {
    const row = bulkLineToRow(shop, line);
    if (row) rows.push(row);
  };
  push(product);
  for (const v of variants?.nodes ?? []) push({ ...v, __parentId: p.id });
  for (const m of media?.nodes ?? []) push({ ...m, __parentId: p.id });
  for (const m of metafields?.nodes ?? []) push({ ...m, __parentId: p.id });
  return rows;
}

// ---- webhook payloads (REST names) --------------------------------------------------------------

const tagList = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((v) =>
    Array.isArray(v)
      ? v
      : (v ?? "")
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean),
  );

export const ProductPayload = z.object({
  id: numericId,
  title: z.string(),
  handle: z.string(),
  body_html: z.string().nullish(),
  vendor: z.string().nullish(),
  product_type: z.string().nullish(),
  status: z.string(),
  tags: tagList,
  template_suffix: nullableText,
  created_at: isoDate,
  updated_at: isoDate,
  variants: z
    .array(
      z.object({
        id: numericId,
        title: z.string(),
        sku: nullableText,
        barcode: nullableText,
        price: money,
        compare_at_price: money.nullish(),
        inventory_quantity: z.number().int().nullish(),
        position: z.number().int().nullish(),
        option1: nullableText.optional(),
        option2: nullableText.optional(),
        option3: nullableText.optional(),
        updated_at: isoDate,
      }),
    )
    .default([]),
  options: z.array(z.object({ name: z.string(), position: z.number().int().optional() })).default([]),
  media: z
    .array(
      z.object({
        id: numericId,
        alt: nullableText,
        position: z.number().int().nullish(),
        preview_image: z
          .object({ src: z.string(), width: z.number().int().nullish(), height: z.number().int().nullish() })
          .nullish(),
        media_content_type: z.string().nullish(),
      }),
    )
    .default([]),
  images: z
    .array(
      z.object({
        id: numericId,
        alt: nullableText,
        position: z.number().int().nullish(),
        src: z.string(),
        width: z.number().int().nullish(),
        height: z.number().int().nullish(),
      }),
    )
    .default([]),
});
export type ProductPayload = z.output<typeof ProductPayload>;

export const DeletePayload = z.object({ id: numericId });

/** products/create|update → product row, its variants, its media. */
export function productPayloadToRows(
  shop: string,
  p: ProductPayload,
): { product: Row; variants: Row[]; media: Row[] } {
  const optionNames = [...p.options].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((o) => o.name);
  return {
    product: {
      shop,
      id: p.id,
      title: p.title,
      handle: p.handle,
      descriptionHtml: p.body_html ?? "",
      vendor: p.vendor ?? "",
      productType: p.product_type ?? "",
      status: p.status.toUpperCase(),
      tags: p.tags,
      templateSuffix: p.template_suffix,
      shopifyCreatedAt: utc(p.created_at),
      shopifyUpdatedAt: utc(p.updated_at),
    },
    variants: p.variants.map((v) => ({
      shop,
      id: v.id,
      productId: p.id,
      title: v.title,
      sku: v.sku,
      barcode: v.barcode,
      price: v.price,
      compareAtPrice: v.compare_at_price ?? null,
      inventoryQuantity: v.inventory_quantity ?? null,
      position: v.position ?? 1,
      selectedOptions: [v.option1, v.option2, v.option3]
        .map((value, i) => (value && optionNames[i] ? { name: optionNames[i], value } : null))
        .filter((o) => o !== null),
      shopifyUpdatedAt: utc(v.updated_at),
    })),
    media:
      p.media.length > 0
        ? p.media.map((m, i) => ({
            shop,
            id: m.id,
            productId: p.id,
            alt: m.alt,
            url: m.preview_image?.src ?? null,
            mimeType: null,
            mediaType: MEDIA_CONTENT_TYPES[m.media_content_type ?? ""] ?? null,
            width: m.preview_image?.width ?? null,
            height: m.preview_image?.height ?? null,
            position: m.position ?? i,
          }))
        : p.images.map((m, i) => ({
            shop,
            id: m.id,
            productId: p.id,
            alt: m.alt,
            url: m.src,
            mimeType: null,
            mediaType: "MediaImage",
            width: m.width ?? null,
            height: m.height ?? null,
            position: m.position ?? i,
          })),
  };
}

export const CustomerPayload = z.object({
  id: numericId,
  email: nullableText,
  first_name: nullableText,
  locale: nullableText.optional(),
  tags: tagList,
  state: nullableText.optional(),
  email_marketing_consent: z.object({ state: nullableText }).nullish(),
  default_address: z.object({ country_code: nullableText }).nullish(),
  created_at: isoDate,
  updated_at: isoDate,
});

export function customerPayloadToRow(shop: string, c: z.output<typeof CustomerPayload>): Row {
  return sealCustomerRow({
    shop,
    id: c.id,
    email: c.email,
    firstName: c.first_name,
    locale: c.locale ?? null,
    countryCode: c.default_address?.country_code ?? null,
    tags: c.tags,
    state: c.state?.toUpperCase() ?? null,
    emailMarketingState: c.email_marketing_consent?.state?.toUpperCase() ?? null,
    shopifyCreatedAt: utc(c.created_at),
    shopifyUpdatedAt: utc(c.updated_at),
  });
}

export const OrderPayload = z.object({
  id: numericId,
  customer: z.object({ id: numericId }).nullish(),
  currency: z.string(),
  total_price: money,
  subtotal_price: money.nullish(),
  total_discounts: money.nullish(),
  financial_status: nullableText,
  discount_codes: z.array(z.object({ code: z.string() })).default([]),
  source_name: nullableText,
  cancelled_at: isoDate.nullish(),
  processed_at: isoDate.nullish(),
  created_at: isoDate,
  updated_at: isoDate,
  line_items: z
    .array(
      z.object({
        id: numericId,
        product_id: numericId.nullish(),
        variant_id: numericId.nullish(),
        quantity: z.number().int(),
        price: money,
      }),
    )
    .default([]),
});

export function orderPayloadToRows(
  shop: string,
  o: z.output<typeof OrderPayload>,
): { order: Row; lines: Row[] } {
  return {
    order: {
      shop,
      id: o.id,
      customerId: o.customer?.id ?? null,
      currencyCode: o.currency,
      totalPrice: o.total_price,
      subtotalPrice: o.subtotal_price ?? null,
      totalDiscounts: o.total_discounts ?? null,
      financialStatus: o.financial_status?.toUpperCase() ?? null,
      discountCodes: o.discount_codes.map((d) => d.code),
      sourceName: o.source_name,
      cancelledAt: o.cancelled_at ? utc(o.cancelled_at) : null,
      processedAt: utc(o.processed_at ?? o.created_at),
      shopifyCreatedAt: utc(o.created_at),
      shopifyUpdatedAt: utc(o.updated_at),
    },
    lines: o.line_items.map((l) => ({
      shop,
      id: l.id,
      orderId: o.id,
      productId: l.product_id ?? null,
      variantId: l.variant_id ?? null,
      quantity: l.quantity,
      price: l.price,
    })),
  };
}
