// Builds product records from productSet / productCreate / productUpdate inputs, Shopify's way:
// options and variants of productSet replace the existing lists; variants keep their ids when
// matched by id or by option values.
import { gidNumber } from "../gid.js";
import type { Store } from "../store/store.js";
import type {
  MediaRecord,
  OptionRecord,
  ProductRecord,
  ProductStatus,
  VariantRecord,
} from "../store/types.js";
import { checkMetafieldInput, upsertMetafield, type MetafieldInput } from "./metafield-input.js";

export interface UserErrorOut {
  field: string[] | null;
  message: string;
  code?: string;
}

export interface OptionSetInput {
  id?: string | null;
  name?: string | null;
  position?: number | null;
  values?: { id?: string | null; name?: string | null }[] | null;
}

export interface VariantSetInput {
  id?: string | null;
  optionValues: {
    optionName?: string | null;
    name?: string | null;
    optionId?: string | null;
    id?: string | null;
  }[];
  price?: string | number | null;
  compareAtPrice?: string | number | null;
  sku?: string | null;
  barcode?: string | null;
  inventoryPolicy?: "CONTINUE" | "DENY" | null;
  taxable?: boolean | null;
  position?: number | null;
  inventoryItem?: { sku?: string | null } | null;
  inventoryQuantities?: { quantity?: number | null }[] | null;
  metafields?: MetafieldInput[] | null;
}

export interface FileSetInput {
  id?: string | null;
  originalSource?: string | null;
  alt?: string | null;
  contentType?: string | null;
}

/** The product-level fields shared by ProductSetInput, ProductCreateInput and ProductUpdateInput. */
export interface ProductFieldsInput {
  title?: string | null;
  descriptionHtml?: string | null;
  handle?: string | null;
  vendor?: string | null;
  productType?: string | null;
  status?: ProductStatus | null;
  tags?: string[] | string | null;
  templateSuffix?: string | null;
  seo?: { title?: string | null; description?: string | null } | null;
  metafields?: MetafieldInput[] | null;
}

export interface ProductSetInput extends ProductFieldsInput {
  id?: string | null;
  productOptions?: OptionSetInput[] | null;
  variants?: VariantSetInput[] | null;
  files?: FileSetInput[] | null;
}

const MAX_OPTIONS = 3;
const MAX_VARIANTS = 2048;
const DECIMAL = /^\d+(\.\d{1,4})?$/;

function normalizeTags(tags: string[] | string): string[] {
  const list = Array.isArray(tags) ? tags : tags.split(",");
  return [...new Set(list.map((t) => t.trim()).filter(Boolean))];
}

function price(value: string | number): string {
  return Number(value).toFixed(2);
}

/** Validates the scalar product fields (title, handle, metafields); `creating` requires a title. */
export function checkProductFields(
  input: ProductFieldsInput,
  existing: ProductRecord | undefined,
  store: Store,
  appId: number,
  prefix: string[],
): UserErrorOut[] {
  const errors: UserErrorOut[] = [];
  const title = input.title ?? existing?.title ?? null;
  if (title === null || title.trim() === "") {
    errors.push({ field: [...prefix, "title"], message: "Title can't be blank", code: "INVALID_PRODUCT" });
  } else if (title.length > 255) {
    errors.push({
      field: [...prefix, "title"],
      message: "Title is too long (maximum is 255 characters)",
      code: "INVALID_PRODUCT",
    });
  }
  if (input.handle) {
    const owner = store.productByHandle(input.handle);
    if (owner && owner.id !== existing?.id) {
      errors.push({
        field: [...prefix, "handle"],
        message: `Handle '${input.handle}' already in use. Please provide a new handle.`,
        code: "HANDLE_NOT_UNIQUE",
      });
    }
  }
  for (const [index, metafield] of (input.metafields ?? []).entries()) {
    for (const problem of checkMetafieldInput(metafield, existing?.metafields ?? [], appId, [
      ...prefix,
      "metafields",
      String(index),
    ])) {
      errors.push({ field: problem.field, message: problem.message, code: "INVALID_METAFIELD" });
    }
  }
  return errors;
}

/** Applies the scalar product fields (validated) to a record. */
export function applyProductFields(
  product: ProductRecord,
  input: ProductFieldsInput,
  store: Store,
  appId: number,
): void {
  if (input.title !== undefined && input.title !== null) product.title = input.title;
  if (input.descriptionHtml !== undefined && input.descriptionHtml !== null)
    product.descriptionHtml = input.descriptionHtml;
  if (input.handle) product.handle = input.handle;
  if (input.vendor !== undefined && input.vendor !== null) product.vendor = input.vendor;
  if (input.productType !== undefined && input.productType !== null) product.productType = input.productType;
  if (input.status) {
    product.status = input.status;
    if (input.status === "ACTIVE" && product.publishedAt === null) product.publishedAt = store.now();
  }
  if (input.tags !== undefined && input.tags !== null) product.tags = normalizeTags(input.tags);
  if (input.templateSuffix !== undefined) product.templateSuffix = input.templateSuffix ?? null;
  if (input.seo) {
    if (input.seo.title !== undefined) product.seo.title = input.seo.title ?? null;
    if (input.seo.description !== undefined) product.seo.description = input.seo.description ?? null;
  }
  for (const metafield of input.metafields ?? [])
    upsertMetafield(product.metafields, metafield, store, appId);
}

/** A new, empty product record with Shopify's defaults (one "Default Title" variant). */
export function blankProduct(store: Store, title: string): ProductRecord {
  const now = store.now();
  const id = store.nextId();
  return {
    id,
    title,
    handle: store.uniqueHandle(title),
    descriptionHtml: "",
    vendor: store.shop.name,
    productType: "",
    status: "ACTIVE",
    tags: [],
    templateSuffix: null,
    seo: { title: null, description: null },
    options: [
      {
        id: store.nextId(),
        name: "Title",
        position: 1,
        values: [{ id: store.nextId(), name: "Default Title" }],
      },
    ],
    variants: [defaultVariant(store, now)],
    media: [],
    metafields: [],
    translations: [],
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
  };
}

function defaultVariant(store: Store, now: string): VariantRecord {
  return {
    id: store.nextId(),
    title: "Default Title",
    sku: null,
    barcode: null,
    price: "0.00",
    compareAtPrice: null,
    inventoryQuantity: 0,
    inventoryPolicy: "DENY",
    inventoryItemId: store.nextId(),
    position: 1,
    taxable: true,
    selectedOptions: [{ name: "Title", value: "Default Title" }],
    metafields: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** The option/variant/file part of productSet: validation. */
export function checkProductSetLists(
  input: ProductSetInput,
  existing: ProductRecord | undefined,
  appId: number,
): UserErrorOut[] {
  const errors: UserErrorOut[] = [];
  const options = input.productOptions;
  if (options) {
    if (options.length > MAX_OPTIONS)
      errors.push({
        field: ["input", "productOptions"],
        message: `Options count is over the allowed limit of ${MAX_OPTIONS}.`,
        code: "OPTIONS_OVER_LIMIT",
      });
    const names = new Set<string>();
    for (const [index, option] of options.entries()) {
      const name =
        option.name ??
        existing?.options.find((o) => o.id === gidNumber(option.id ?? "", "ProductOption"))?.name ??
        "";
      if (!name)
        errors.push({
          field: ["input", "productOptions", String(index), "name"],
          message: "Option name can't be blank.",
          code: "INVALID_INPUT",
        });
      if (names.has(name.toLowerCase()))
        errors.push({
          field: ["input", "productOptions", String(index), "name"],
          message: `Duplicated option name '${name}'.`,
          code: "DUPLICATED_OPTION_NAME",
        });
      names.add(name.toLowerCase());
      if (!option.values?.length)
        errors.push({
          field: ["input", "productOptions", String(index), "values"],
          message: "Each option must have at least one value.",
          code: "OPTION_VALUES_MISSING",
        });
    }
  }
  const variants = input.variants;
  if (options && !variants) {
    errors.push({
      field: ["input", "variants"],
      message: "Variants input is required when product options are given.",
      code: "VARIANTS_INPUT_MISSING",
    });
  }
  if (variants) {
    if (variants.length > MAX_VARIANTS)
      errors.push({
        field: ["input", "variants"],
        message: `The number of variants exceeds the limit of ${MAX_VARIANTS}.`,
        code: "VARIANTS_OVER_LIMIT",
      });
    if (!options && !existing)
      errors.push({
        field: ["input", "productOptions"],
        message: "Product options input is required when updating variants.",
        code: "PRODUCT_OPTIONS_INPUT_MISSING",
      });
    const optionValues = new Map<string, Set<string>>();
    for (const option of options ??
      existing?.options.map((o) => ({ name: o.name, values: o.values.map((v) => ({ name: v.name })) })) ??
      []) {
      optionValues.set(option.name ?? "", new Set((option.values ?? []).map((v) => v.name ?? "")));
    }
    const combos = new Set<string>();
    for (const [index, variant] of variants.entries()) {
      const path = ["input", "variants", String(index)];
      if (
        variant.id &&
        !existing?.variants.some((v) => v.id === gidNumber(variant.id ?? "", "ProductVariant"))
      ) {
        errors.push({
          field: [...path, "id"],
          message: "Product variant does not exist",
          code: "PRODUCT_VARIANT_DOES_NOT_EXIST",
        });
      }
      const seen = new Set<string>();
      for (const [vi, value] of variant.optionValues.entries()) {
        const optionName = value.optionName ?? "";
        const allowed = optionValues.get(optionName);
        if (!allowed)
          errors.push({
            field: [...path, "optionValues", String(vi), "optionName"],
            message: `Option '${optionName}' does not exist.`,
            code: "OPTION_DOES_NOT_EXIST",
          });
        else if (!allowed.has(value.name ?? ""))
          errors.push({
            field: [...path, "optionValues", String(vi), "name"],
            message: `Option value '${value.name ?? ""}' does not exist for option '${optionName}'.`,
            code: "OPTION_VALUE_DOES_NOT_EXIST",
          });
        seen.add(optionName);
      }
      if (optionValues.size > 0 && seen.size !== optionValues.size) {
        errors.push({
          field: [...path, "optionValues"],
          message: "Variant must have a value for each option.",
          code: "OPTION_VALUES_MISSING",
        });
      }
      const combo = variant.optionValues
        .map((v) => `${v.optionName ?? ""}=${v.name ?? ""}`)
        .sort()
        .join("|");
      if (combos.has(combo))
        errors.push({
          field: [...path, "optionValues"],
          message: `The variant '${variant.optionValues.map((v) => v.name).join(" / ")}' already exists.`,
          code: "INVALID_VARIANT",
        });
      combos.add(combo);
      for (const [key, value] of [
        ["price", variant.price],
        ["compareAtPrice", variant.compareAtPrice],
      ] as const) {
        if (value !== undefined && value !== null && !DECIMAL.test(String(value))) {
          errors.push({
            field: [...path, key],
            message: `${key === "price" ? "Price" : "Compare at price"} must be a non-negative decimal.`,
            code: "INVALID_VARIANT",
          });
        }
      }
      for (const [mi, metafield] of (variant.metafields ?? []).entries()) {
        const current =
          existing?.variants.find((v) => v.id === gidNumber(variant.id ?? "", "ProductVariant"))
            ?.metafields ?? [];
        for (const problem of checkMetafieldInput(metafield, current, appId, [
          ...path,
          "metafields",
          String(mi),
        ])) {
          errors.push({ field: problem.field, message: problem.message, code: "INVALID_METAFIELD" });
        }
      }
    }
  }
  for (const [index, file] of (input.files ?? []).entries()) {
    if (!file.id && !file.originalSource)
      errors.push({
        field: ["input", "files", String(index), "originalSource"],
        message: "Original source or id is required.",
        code: "INVALID_INPUT",
      });
  }
  return errors;
}

/** Applies productSet's options, variants and files (validated) to a record. */
export function applyProductSetLists(
  product: ProductRecord,
  input: ProductSetInput,
  store: Store,
  appId: number,
): void {
  const now = store.now();
  if (input.productOptions) {
    product.options = input.productOptions.map((option, index): OptionRecord => {
      const previous = product.options.find(
        (o) => o.name === option.name || o.id === gidNumber(option.id ?? "", "ProductOption"),
      );
      return {
        id: previous?.id ?? store.nextId(),
        name: option.name ?? previous?.name ?? "",
        position: option.position ?? index + 1,
        values: (option.values ?? []).map((value) => ({
          id: previous?.values.find((v) => v.name === value.name)?.id ?? store.nextId(),
          name: value.name ?? "",
        })),
      };
    });
  }
  if (input.variants) {
    const previous = product.variants;
    product.variants = input.variants.map((variant, index): VariantRecord => {
      const selected = product.options
        .map((option) => ({
          name: option.name,
          value: variant.optionValues.find((v) => v.optionName === option.name)?.name ?? "",
        }))
        .filter((option) => option.value !== "");
      const key = selected.map((s) => `${s.name}=${s.value}`).join("|");
      const byId = variant.id
        ? previous.find((v) => v.id === gidNumber(variant.id ?? "", "ProductVariant"))
        : undefined;
      const match =
        byId ?? previous.find((v) => v.selectedOptions.map((s) => `${s.name}=${s.value}`).join("|") === key);
      const record: VariantRecord = match
        ? { ...match }
        : {
            ...defaultVariant(store, now),
            id: store.nextId(),
            inventoryItemId: store.nextId(),
            metafields: [],
          };
      record.selectedOptions = selected;
      record.title = selected.map((s) => s.value).join(" / ") || "Default Title";
      record.position = variant.position ?? index + 1;
      if (variant.price !== undefined && variant.price !== null) record.price = price(variant.price);
      if (variant.compareAtPrice !== undefined)
        record.compareAtPrice = variant.compareAtPrice === null ? null : price(variant.compareAtPrice);
      const sku = variant.sku ?? variant.inventoryItem?.sku;
      if (sku !== undefined) record.sku = sku;
      if (variant.barcode !== undefined) record.barcode = variant.barcode;
      if (variant.inventoryPolicy) record.inventoryPolicy = variant.inventoryPolicy;
      if (variant.taxable !== undefined && variant.taxable !== null) record.taxable = variant.taxable;
      if (variant.inventoryQuantities?.length) {
        record.inventoryQuantity = variant.inventoryQuantities.reduce((sum, q) => sum + (q.quantity ?? 0), 0);
      }
      for (const metafield of variant.metafields ?? [])
        upsertMetafield(record.metafields, metafield, store, appId);
      record.updatedAt = now;
      return record;
    });
  } else if (input.productOptions) {
    // productCreate with options: Shopify creates one variant with the first value of each option.
    const first = product.options.map((o) => ({ name: o.name, value: o.values[0]?.name ?? "" }));
    const base = product.variants[0] ?? defaultVariant(store, now);
    product.variants = [
      { ...base, selectedOptions: first, title: first.map((f) => f.value).join(" / "), updatedAt: now },
    ];
  }
  if (input.files) {
    const previous = product.media;
    product.media = input.files.map((file): MediaRecord => {
      const match = previous.find(
        (m) =>
          (file.id && m.id === gidNumber(file.id, "MediaImage")) ||
          (file.originalSource && m.url === file.originalSource),
      );
      if (match) return { ...match, alt: file.alt !== undefined ? file.alt : match.alt };
      return {
        id: store.nextId(),
        alt: file.alt ?? null,
        url: file.originalSource ?? "",
        width: 1024,
        height: 1024,
        mimeType: guessMime(file.originalSource ?? ""),
        createdAt: now,
      };
    });
  }
}

const MIME_BY_EXTENSION: Record<string, string> = {
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  pdf: "application/pdf",
  mp4: "video/mp4",
};

/** The MIME type of a file from its URL's extension (images default to JPEG, as Shopify converts). */
export function guessMime(url: string): string {
  const ext = /\.([a-z0-9]+)(?:\?|$)/i.exec(url)?.[1]?.toLowerCase() ?? "";
  return MIME_BY_EXTENSION[ext] ?? "image/jpeg";
}
