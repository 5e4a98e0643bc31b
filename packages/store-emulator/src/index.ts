// @ninjalead/store-emulator: a local Shopify Admin GraphQL API (2026-10) for tests, benchmarks and the demo.
export { start, type Emulator } from "./emulator.js";
export { emulatorOptionsSchema, type EmulatorOptions, type EmulatorOptionsInput } from "./options.js";
export { ADMIN_SCHEMA_PATH, API_VERSION, loadAdminSchema } from "./schema.js";
export { Store, type StoreChange, type StoreListener } from "./store/store.js";
export type * from "./store/types.js";
export { generateStore, type GenerateOptions } from "./generator/store.js";
export { generateProduct, HandleAllocator, type SeoQuality } from "./generator/products.js";
export {
  DEFAULT_BULK_PRODUCTS_QUERY,
  productBulkLines,
  writeBulkJsonl,
  type BulkFileStats,
} from "./generator/bulk-jsonl.js";
export { signWebhook, type DeliveryRecord, type DeliverySwitches } from "./webhooks/dispatcher.js";
export { COMPLIANCE_TOPICS, topicToEnum, topicToString, type ComplianceTopic } from "./webhooks/topics.js";
export { TokenRegistry, verifySessionToken } from "./oauth.js";
export { EMULATED_ROOT_FIELDS } from "./graphql/engine.js";
export { gidNumber, parseGid, toGid } from "./gid.js";
export { createCustomer, placeOrder, type NewCustomerInput, type NewOrderInput } from "./simulate.js";
