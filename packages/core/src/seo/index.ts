/**
 * SEO and content analysis for product pages: per-product audit in ten languages, catalog-wide
 * audit, schema.org JSON-LD and AI-assisted fixes.
 */
export { auditProduct, auditParsedProduct, type SeoAuditResult, type SeoResearch } from "./audit.js";
export type { CheckResult, Rating, CheckCategory } from "./checks/result.js";
export { seoMessages, formatMessage, type MessageKey } from "./messages/index.js";
export {
  parseSeoProduct,
  seoProductSchema,
  type SeoProduct,
  type SeoProductInput,
  type AuditOptions,
} from "./schema.js";
export type { ReadingEase } from "./languages/index.js";
export { titleWidthPx, MAX_TITLE_PX } from "./pixel-width.js";
export {
  buildProductJsonLd,
  serializeJsonLd,
  jsonLdScriptTag,
  structuredDataGaps,
  type JsonLdOptions,
  type ProductJsonLd,
} from "./jsonld.js";
export {
  auditCatalog,
  catalogOptionsSchema,
  type CatalogAuditOptions,
  type CatalogReport,
  type CatalogOffender,
  type DuplicateGroup,
} from "./catalog.js";
export { detectLanguage } from "./detect-language.js";
export { productsFromShopifyCsv, productFromShopifyJson, type ShopifyCsvRow } from "./shopify-export.js";
export {
  suggestFixes,
  applyFixes,
  seoFixTask,
  fixViolations,
  type SeoFixes,
  type FieldChange,
  type SuggestFixesOptions,
  type FixInput,
  type FixOutput,
} from "./fixes.js";
export { renderDescription, type DescriptionBlock } from "./rewrite.js";
export {
  generateProductFaq,
  offlineFaq,
  faqViolations,
  faqInputOf,
  productFaqTask,
  FAQ_LIMITS,
  type ProductFaq,
  type FaqItem,
  type FaqInput,
  type GenerateFaqOptions,
} from "./faq.js";
