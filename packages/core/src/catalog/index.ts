/**
 * Catalog import: from a supplier product (the AliExpress dropshipping API) to a Shopify
 * `productSet` input, with cleaned titles and descriptions, variants within Shopify's limits,
 * exact pricing rules, an audited AI step and idempotent re-import by supplier id.
 */

// AliExpress source
export {
  createAliExpressClient,
  ALIEXPRESS_SYNC_ENDPOINT,
  type AliExpressClient,
  type AliExpressClientConfig,
  type CallOptions,
  type GetProductOptions,
} from "./aliexpress/client.js";
export { parseAliExpressProduct, type ParseAliExpressOptions } from "./aliexpress/parse.js";
export { parseAliExpressJson } from "./aliexpress/loose.js";
export { parseAliExpressUrl, aliExpressProductUrl } from "./aliexpress/url.js";
export { signAliExpressRequest, stringToSign } from "./aliexpress/sign.js";

// Shared shapes and errors
export type { SourceProduct, SourceSku, SourceSkuProperty } from "./types.js";
export { ImportError, AliExpressApiError, type ImportFailureReason } from "./errors.js";
export {
  catalogMessages,
  formatImportWarning,
  type CatalogMessageKey,
  type ImportWarning,
} from "./messages.js";

// Normalisation
export {
  mapVariants,
  cleanOptionText,
  SHOPIFY_LIMITS,
  type MappedOption,
  type MappedVariant,
  type MappedVariants,
  type VariantOptions,
} from "./variants.js";
export { canonicalOptionName, translateOptionName, translateOptionValue } from "./dictionary.js";
export { cleanTitle, MAX_TITLE_LENGTH, type CleanTitleOptions, type CleanTitleResult } from "./title.js";
export {
  sanitizeDescription,
  hasContactInfo,
  safeImageUrl,
  type SanitizeOptions,
  type SanitizedDescription,
  type RemovedKind,
} from "./sanitize.js";
export { specificationsTable, usefulSpecifications } from "./specs.js";

// Pricing
export {
  definePricingRules,
  priceVariant,
  pricingRulesSchema,
  type PricingRules,
  type PricingRulesInput,
  type PriceInput,
  type PriceResult,
} from "./pricing.js";

// Output
export {
  planImport,
  handleFor,
  sourceIdOf,
  SEO_DESCRIPTION_MAX,
  type ImportPlan,
  type ImportPreview,
  type ImportSettings,
  type ExistingProduct,
  type PreviewField,
  type PreviewVariant,
} from "./plan.js";
export {
  IMPORT_METAFIELD_NAMESPACE,
  SOURCE_ID_METAFIELD_DEFINITION,
  type ProductSetInput,
  type ProductSetIdentifiers,
  type ProductVariantSetInput,
  type OptionSetInput,
  type OptionValueSetInput,
  type VariantOptionValueInput,
  type FileSetInput,
  type MetafieldInput,
  type InventoryItemInput,
  type ProductSetInventoryInput,
  type ProductStatus,
} from "./product-set.js";

// AI step
export {
  importContentTask,
  importContentSchema,
  optimiseImport,
  prepareImportContent,
  reviewImportContent,
  defaultKeyphrase,
  type ImportContent,
  type ImportContentInput,
  type OptimiseImportOptions,
  type OptimisedImport,
  type OptimisedField,
  type PreparedImportContent,
  type ReviewedImportContent,
} from "./ai-step.js";
