/**
 * @ninjalead/core — NinjaLead's engine as an SDK. Each capability also has its own entry point
 * (`@ninjalead/core/cache`, `/errors`, `/i18n`, …) so apps load only what they use.
 */
export * from "./errors/index.js";
export * from "./cache/index.js";
export * from "./i18n/index.js";
export { silentLogger, type Logger } from "./logger.js";
