/**
 * Campaigns: channel limits, the template library, localisation with merge tags preserved,
 * A/B statistics, and generation per persona × products × channel × language.
 */
export * from "./sms.js";
export * from "./channels.js";
export * from "./ab.js";
export * from "./templates.js";
export { TEMPLATE_COPY, GREETING, type TemplateCopy } from "./copy.js";
export * from "./localize.js";
export * from "./generate.js";
