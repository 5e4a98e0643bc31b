import { z } from "zod";
import { looseBool, looseDecimal, looseId, looseInt, looseList, looseText } from "./loose.js";

/*
 * The `result` of `aliexpress.ds.product.get` as the AliExpress Open Platform documents it
 * (AeItemQueryResultDto). Every block is optional here on purpose: real responses omit whole
 * blocks, and which omissions make a product unusable is decided in `parse.ts`, with a precise
 * field path, not by a generic "required" from zod.
 */

export const skuPropertySchema = z.object({
  sku_property_id: looseId,
  sku_property_name: looseText,
  sku_property_value: looseText,
  property_value_id: looseId,
  /** The seller's own name for the value ("Navy blue 2-pack"), shown to buyers instead of the value. */
  property_value_definition_name: looseText,
  sku_image: looseText,
});

export const skuSchema = z.object({
  id: looseId,
  sku_id: looseId,
  /** "14:193#Black;200007763:201336100": property-id:value-id pairs, `#` adds the custom name. */
  sku_attr: looseText,
  sku_code: looseText,
  barcode: looseText,
  sku_price: looseDecimal,
  offer_sale_price: looseDecimal,
  offer_bulk_sale_price: looseDecimal,
  currency_code: looseText,
  sku_available_stock: looseInt,
  ipm_sku_stock: looseInt,
  sku_stock: looseBool,
  ae_sku_property_dtos: looseList(skuPropertySchema),
});

export const itemPropertySchema = z.object({
  attr_name: looseText,
  attr_value: looseText,
  attr_value_unit: looseText,
  attr_value_start: looseText,
  attr_value_end: looseText,
  attr_name_id: looseId,
  attr_value_id: looseId,
});

export const baseInfoSchema = z.object({
  product_id: looseId,
  subject: looseText,
  detail: looseText,
  mobile_detail: looseText,
  currency_code: looseText,
  category_id: looseId,
  product_status_type: looseText,
  avg_evaluation_rating: looseDecimal,
  evaluation_count: looseInt,
  sales_count: looseInt,
});

export const videoSchema = z.object({
  media_url: looseText,
  poster_url: looseText,
  media_type: looseText,
});

export const multimediaSchema = z.object({
  /** Semicolon-separated image URLs (sometimes an array in re-serialised payloads). */
  image_urls: z.union([z.array(z.string()), looseText]),
  ae_video_dtos: looseList(videoSchema),
});

export const packageSchema = z.object({
  gross_weight: looseDecimal,
  package_length: looseDecimal,
  package_width: looseDecimal,
  package_height: looseDecimal,
});

export const logisticsSchema = z.object({
  ship_to_country: looseText,
  delivery_time: looseInt,
});

export const storeSchema = z.object({
  store_id: looseId,
  store_name: looseText,
  store_country_code: looseText,
});

const optionalBlock = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null || value === "" ? undefined : value), schema.optional());

export const productResultSchema = z.object({
  ae_item_base_info_dto: optionalBlock(baseInfoSchema),
  ae_item_sku_info_dtos: looseList(skuSchema),
  ae_multimedia_info_dto: optionalBlock(multimediaSchema),
  ae_item_properties: looseList(itemPropertySchema),
  package_info_dto: optionalBlock(packageSchema),
  logistics_info_dto: optionalBlock(logisticsSchema),
  ae_store_info: optionalBlock(storeSchema),
});

export type RawProductResult = z.output<typeof productResultSchema>;
export type RawSku = z.output<typeof skuSchema>;
