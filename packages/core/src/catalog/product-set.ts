/*
 * The subset of Shopify Admin GraphQL 2026-10 input types that an import writes, with the field
 * names and nesting of the published schema (ProductSetInput, ProductVariantSetInput, …), so the
 * object can be passed as the `input` variable of the `productSet` mutation unchanged.
 */

export type ProductStatus = "ACTIVE" | "ARCHIVED" | "DRAFT" | "UNLISTED";

export interface OptionValueSetInput {
  id?: string;
  name?: string;
}

export interface OptionSetInput {
  id?: string;
  name?: string;
  position?: number;
  values?: OptionValueSetInput[];
}

export interface VariantOptionValueInput {
  optionName?: string;
  name?: string;
  optionId?: string;
  id?: string;
}

export interface FileSetInput {
  id?: string;
  originalSource?: string;
  alt?: string;
  contentType?: "IMAGE" | "VIDEO" | "EXTERNAL_VIDEO" | "FILE" | "MODEL_3D";
  duplicateResolutionMode?: "APPEND_UUID" | "RAISE_ERROR" | "REPLACE";
  filename?: string;
}

export interface MetafieldInput {
  namespace: string;
  key: string;
  type: string;
  value: string;
}

export interface InventoryItemInput {
  sku?: string;
  /** Decimal scalar: the unit cost in the shop currency. */
  cost?: string;
  tracked?: boolean;
  requiresShipping?: boolean;
  measurement?: { weight?: { value: number; unit: "GRAMS" | "KILOGRAMS" | "OUNCES" | "POUNDS" } };
}

export interface ProductSetInventoryInput {
  locationId: string;
  name: "available" | "on_hand";
  quantity: number;
}

export interface ProductVariantSetInput {
  id?: string;
  optionValues: VariantOptionValueInput[];
  /** Money scalar: a decimal string in the shop currency. */
  price?: string;
  compareAtPrice?: string | null;
  sku?: string;
  barcode?: string;
  file?: FileSetInput;
  inventoryItem?: InventoryItemInput;
  inventoryPolicy?: "CONTINUE" | "DENY";
  inventoryQuantities?: ProductSetInventoryInput[];
  taxable?: boolean;
  metafields?: MetafieldInput[];
  position?: number;
}

export interface ProductSetInput {
  title?: string;
  descriptionHtml?: string;
  handle?: string;
  productType?: string;
  vendor?: string;
  tags?: string[];
  status?: ProductStatus;
  seo?: { title?: string; description?: string };
  productOptions?: OptionSetInput[];
  variants?: ProductVariantSetInput[];
  files?: FileSetInput[];
  metafields?: MetafieldInput[];
}

/** `identifier` argument of `productSet`: which product to update (or create). */
export interface ProductSetIdentifiers {
  id?: string;
  handle?: string;
  customId?: { namespace?: string; key: string; value: string };
}

/** Namespace of every metafield NinjaLead writes on imported products. */
export const IMPORT_METAFIELD_NAMESPACE = "ninjalead";

/**
 * The metafield definition the app creates once per shop (`metafieldDefinitionCreate`) so that
 * `productSet(identifier: {customId: …})` can upsert by supplier id: Shopify only accepts a
 * customId backed by a definition with unique values.
 */
export const SOURCE_ID_METAFIELD_DEFINITION = {
  namespace: IMPORT_METAFIELD_NAMESPACE,
  key: "source_id",
  name: "Supplier product id",
  description: "Supplier and product id this product was imported from (e.g. aliexpress:1005006123456789).",
  type: "single_line_text_field",
  ownerType: "PRODUCT",
  capabilities: { uniqueValues: { enabled: true } },
} as const;
