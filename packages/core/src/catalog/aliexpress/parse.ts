import type { FieldIssue } from "../../errors/index.js";
import { toFieldIssues } from "../../internal/zod.js";
import { ImportError } from "../errors.js";
import type { SourceProduct, SourceSku, SourceSkuProperty } from "../types.js";
import { productResultSchema, type RawProductResult, type RawSku } from "./schema.js";
import { aliExpressProductUrl } from "./url.js";

/** Well-known AliExpress SKU property ids, used when a SKU carries only its `sku_attr`. */
const KNOWN_PROPERTY_NAMES: Readonly<Record<string, string>> = {
  "14": "Color",
  "5": "Size",
  "200000463": "Size",
  "200000828": "Material",
  "200007763": "Ships From",
};

/** The platform documents `sku_stock: true` as "999 in stock" when no count is given. */
const STOCK_WHEN_ONLY_FLAGGED = 999;

export interface ParseAliExpressOptions {
  /** Currency to assume when the payload states none (the `target_currency` you requested). */
  currency?: string;
}

interface Located {
  result: unknown;
  prefix: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function platformError(body: Record<string, unknown>, path: string): ImportError {
  const code = typeof body.code === "string" || typeof body.code === "number" ? String(body.code) : "";
  const msg = [body.msg, body.message, body.sub_msg, body.rsp_msg].find(
    (m): m is string => typeof m === "string",
  );
  return new ImportError(
    "platform_error",
    `AliExpress answered with an error instead of a product${code ? ` (${code})` : ""}: ${msg ?? "no message"}`,
    [{ path, message: msg ?? "platform error" }],
  );
}

/** Finds the `result` object whatever the wrapping: full response, `{result}`, or the result itself. */
function locateResult(payload: unknown): Located {
  if (!isRecord(payload))
    throw new ImportError("invalid_payload", "The AliExpress payload is not a JSON object", [
      { path: "(root)", message: "expected an object" },
    ]);
  if (isRecord(payload.error_response)) throw platformError(payload.error_response, "error_response");
  let body = payload;
  let prefix = "";
  if (isRecord(payload.aliexpress_ds_product_get_response)) {
    body = payload.aliexpress_ds_product_get_response;
    prefix = "aliexpress_ds_product_get_response.";
  }
  if ("ae_item_base_info_dto" in body || "ae_item_sku_info_dtos" in body) return { result: body, prefix: "" };
  const rspCode = body.rsp_code ?? body.resp_code;
  const rspText = typeof rspCode === "string" || typeof rspCode === "number" ? String(rspCode) : undefined;
  if (rspText !== undefined && rspText !== "200" && !isRecord(body.result))
    throw platformError(body, `${prefix}rsp_code`);
  if (typeof body.code === "string" && body.code !== "0" && !isRecord(body.result))
    throw platformError(body, `${prefix}code`);
  if (!isRecord(body.result))
    throw new ImportError("invalid_payload", "The AliExpress payload has no product result", [
      { path: `${prefix}result`, message: "expected the product result object" },
    ]);
  return { result: body.result, prefix: `${prefix}result.` };
}

function propertiesFromDtos(sku: RawSku): SourceSkuProperty[] {
  return sku.ae_sku_property_dtos.flatMap((dto) => {
    const value = dto.property_value_definition_name ?? dto.sku_property_value;
    const name =
      dto.sku_property_name ??
      (dto.sku_property_id === undefined ? undefined : KNOWN_PROPERTY_NAMES[dto.sku_property_id]);
    if (!value || !name) return [];
    return [
      {
        name,
        value,
        ...(dto.sku_property_id === undefined ? {} : { propertyId: dto.sku_property_id }),
        ...(dto.property_value_id === undefined ? {} : { valueId: dto.property_value_id }),
        ...(dto.sku_image ? { image: absoluteUrl(dto.sku_image) } : {}),
      },
    ];
  });
}

/** "14:193#Black;5:100014064" → [{Color, Black}, {Size, 100014064}]: the fallback when DTOs are absent. */
function propertiesFromAttr(attr: string): SourceSkuProperty[] {
  return attr
    .split(";")
    .map((pair) => pair.trim())
    .filter(Boolean)
    .flatMap((pair) => {
      const match = /^(\d+):(\d+)(?:#(.+))?$/.exec(pair);
      if (!match) return [];
      const [, propertyId = "", valueId = "", custom] = match;
      return [
        {
          propertyId,
          valueId,
          name: KNOWN_PROPERTY_NAMES[propertyId] ?? `Option ${propertyId}`,
          value: custom?.trim() || valueId,
        },
      ];
    });
}

function absoluteUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed.startsWith("//")) return `https:${trimmed}`;
  return trimmed.replace(/^http:\/\//i, "https://");
}

function imageList(raw: string | string[] | undefined): string[] {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : raw.split(/[;,]\s*(?=(?:https?:)?\/\/)/i);
  const urls = list.map((u) => u.trim()).filter((u) => /^(https?:)?\/\//i.test(u));
  return [...new Set(urls.map(absoluteUrl))];
}

/**
 * `mobile_detail` is either HTML or a JSON document of modules (`{"moduleList":[{"type":"text",…},
 * {"type":"image","images":[…]}]}`). Turns the JSON form into plain HTML so one sanitiser handles both.
 */
export function mobileDetailToHtml(mobileDetail: string): string {
  if (!mobileDetail.trimStart().startsWith("{")) return mobileDetail;
  let doc: unknown;
  try {
    doc = JSON.parse(mobileDetail);
  } catch {
    return "";
  }
  if (!isRecord(doc) || !Array.isArray(doc.moduleList)) return "";
  const escape = (s: string) =>
    s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
  return doc.moduleList
    .map((module: unknown) => {
      if (!isRecord(module)) return "";
      const data = isRecord(module.data) ? module.data : module;
      if (module.type === "text" && typeof data.content === "string") return `<p>${escape(data.content)}</p>`;
      if (module.type === "image" && Array.isArray(module.images ?? data.images)) {
        const images = (module.images ?? data.images) as unknown[];
        return images
          .map((img) => (isRecord(img) && typeof img.imageUrl === "string" ? img.imageUrl : undefined))
          .filter((u): u is string => u !== undefined)
          .map((u) => `<img src="${escape(absoluteUrl(u))}">`)
          .join("");
      }
      return "";
    })
    .join("\n");
}

function normaliseSkus(
  raw: RawProductResult,
  prefix: string,
  productId: string,
  issues: FieldIssue[],
): SourceSku[] {
  const skus: SourceSku[] = [];
  raw.ae_item_sku_info_dtos.forEach((sku, index) => {
    const path = `${prefix}ae_item_sku_info_dtos.${index}`;
    const cost = sku.offer_sale_price ?? sku.sku_price ?? sku.offer_bulk_sale_price;
    if (cost === undefined || Number(cost) <= 0) {
      issues.push({ path: `${path}.offer_sale_price`, message: "SKU has no positive price" });
      return;
    }
    const fromDtos = propertiesFromDtos(sku);
    const properties = fromDtos.length > 0 ? fromDtos : sku.sku_attr ? propertiesFromAttr(sku.sku_attr) : [];
    const id =
      sku.sku_id ??
      sku.id ??
      sku.sku_attr ??
      (raw.ae_item_sku_info_dtos.length === 1 ? productId : `${productId}-${index}`);
    const stock =
      sku.sku_available_stock ?? sku.ipm_sku_stock ?? (sku.sku_stock === true ? STOCK_WHEN_ONLY_FLAGGED : 0);
    skus.push({
      id,
      cost,
      stock: Math.max(0, stock),
      properties,
      ...(sku.sku_attr ? { attr: sku.sku_attr } : {}),
      ...(sku.sku_price !== undefined && sku.sku_price !== cost ? { listPrice: sku.sku_price } : {}),
      ...(sku.sku_code ? { code: sku.sku_code } : {}),
      ...(sku.barcode ? { barcode: sku.barcode } : {}),
    });
  });
  return skus;
}

function currencyOf(raw: RawProductResult, fallback: string | undefined): string | undefined {
  const fromSku = raw.ae_item_sku_info_dtos.find((s) => s.currency_code)?.currency_code;
  const currency = fromSku ?? raw.ae_item_base_info_dto?.currency_code ?? fallback;
  return currency && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : undefined;
}

/**
 * Parses an `aliexpress.ds.product.get` response (with or without its
 * `aliexpress_ds_product_get_response` wrapper, or just its `result`) into a `SourceProduct`.
 * Tolerates numbers sent as strings, missing optional blocks, list wrappers, custom value names,
 * SKUs with only a `sku_attr`, and a JSON `mobile_detail`. Throws `ImportError` (code
 * "import_failed") naming every unusable field; never returns a partial product.
 *
 * @example
 * const product = parseAliExpressProduct(await response.json(), { currency: "EUR" });
 * product.skus[0].cost // "12.34"
 */
export function parseAliExpressProduct(
  payload: unknown,
  options: ParseAliExpressOptions = {},
): SourceProduct {
  const { result, prefix } = locateResult(payload);
  const parsed = productResultSchema.safeParse(result);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error).map((i) => ({ ...i, path: `${prefix}${i.path}` }));
    throw new ImportError(
      "invalid_payload",
      `The AliExpress payload is malformed: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      issues,
    );
  }
  const raw = parsed.data;
  const base = raw.ae_item_base_info_dto;
  const basePath = `${prefix}ae_item_base_info_dto`;
  if (!base?.product_id || !/^\d{6,20}$/.test(base.product_id))
    throw new ImportError("missing_product_id", "The AliExpress payload has no valid product id", [
      { path: `${basePath}.product_id`, message: "expected the numeric product id" },
    ]);
  if (!base.subject)
    throw new ImportError("missing_title", "The AliExpress product has no title", [
      { path: `${basePath}.subject`, message: "expected a non-empty title" },
    ]);
  if (raw.ae_item_sku_info_dtos.length === 0)
    throw new ImportError("no_purchasable_sku", "The AliExpress product has no SKU", [
      { path: `${prefix}ae_item_sku_info_dtos`, message: "expected at least one SKU" },
    ]);
  const issues: FieldIssue[] = [];
  const skus = normaliseSkus(raw, prefix, base.product_id, issues);
  if (issues.length > 0)
    throw new ImportError(
      "no_purchasable_sku",
      `Some AliExpress SKUs have no usable price: ${issues.map((i) => i.path).join(", ")}`,
      issues,
    );
  const currency = currencyOf(raw, options.currency);
  if (!currency)
    throw new ImportError("invalid_payload", "The AliExpress payload states no currency", [
      {
        path: `${prefix}ae_item_sku_info_dtos.0.currency_code`,
        message: "expected an ISO 4217 currency code",
      },
    ]);

  const media = raw.ae_multimedia_info_dto;
  const pkg = raw.package_info_dto;
  const descriptionHtml = base.detail ?? (base.mobile_detail ? mobileDetailToHtml(base.mobile_detail) : "");
  const product: SourceProduct = {
    source: "aliexpress",
    id: base.product_id,
    url: aliExpressProductUrl(base.product_id),
    title: base.subject,
    descriptionHtml,
    currency,
    images: imageList(media?.image_urls),
    videos: (media?.ae_video_dtos ?? []).flatMap((v) =>
      v.media_url
        ? [
            {
              url: absoluteUrl(v.media_url),
              ...(v.poster_url ? { posterUrl: absoluteUrl(v.poster_url) } : {}),
            },
          ]
        : [],
    ),
    specifications: raw.ae_item_properties.flatMap((p) => {
      const value =
        p.attr_value ??
        (p.attr_value_start && p.attr_value_end ? `${p.attr_value_start}-${p.attr_value_end}` : "");
      if (!p.attr_name || !value) return [];
      return [{ name: p.attr_name, value: p.attr_value_unit ? `${value} ${p.attr_value_unit}` : value }];
    }),
    skus,
    ...(base.category_id ? { categoryId: base.category_id } : {}),
    ...(pkg?.gross_weight && Number(pkg.gross_weight) > 0 ? { weightKg: pkg.gross_weight } : {}),
    ...(pkg?.package_length && pkg.package_width && pkg.package_height
      ? { dimensionsCm: { length: pkg.package_length, width: pkg.package_width, height: pkg.package_height } }
      : {}),
    ...(raw.ae_store_info && (raw.ae_store_info.store_id || raw.ae_store_info.store_name)
      ? {
          store: {
            ...(raw.ae_store_info.store_id ? { id: raw.ae_store_info.store_id } : {}),
            ...(raw.ae_store_info.store_name ? { name: raw.ae_store_info.store_name } : {}),
          },
        }
      : {}),
    ...(raw.logistics_info_dto?.ship_to_country
      ? { shipToCountry: raw.logistics_info_dto.ship_to_country }
      : {}),
    ...(raw.logistics_info_dto?.delivery_time !== undefined
      ? { deliveryDays: raw.logistics_info_dto.delivery_time }
      : {}),
    ...(base.avg_evaluation_rating ? { rating: base.avg_evaluation_rating } : {}),
    ...(base.evaluation_count !== undefined ? { reviewCount: base.evaluation_count } : {}),
    ...(base.sales_count !== undefined ? { orderCount: base.sales_count } : {}),
  };
  return product;
}
