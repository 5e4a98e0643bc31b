/**
 * @ninjalead/core — NinjaLead's engine as an SDK. Everything is also available from one entry
 * point per capability (`@ninjalead/core/ai`, `/seo`, `/segments`, `/personas`, `/campaigns`,
 * `/catalog`, `/cache`, `/i18n`, `/errors`), which keeps bundles to what an app uses.
 */
export * from "./errors/index.js";
export * from "./cache/index.js";
export * from "./i18n/index.js";
export { silentLogger, type Logger } from "./logger.js";
export * from "./ai/index.js";
export * from "./seo/index.js";
export * from "./segments/index.js";
export * from "./personas/index.js";
export * from "./campaigns/index.js";
export * from "./catalog/index.js";
