/**
 * Customers and segments: profiles from Shopify orders, RFM scores and the 11 segments, BG/NBD +
 * Gamma-Gamma lifetime value, and per-segment statistics.
 */
export * from "./schemas.js";
export * from "./graphql.js";
export * from "./profiles.js";
export * from "./rfm.js";
export * from "./rules.js";
export * from "./bgnbd.js";
export * from "./gamma-gamma.js";
export * from "./clv.js";
export * from "./stats.js";
export * from "./analyze.js";
export * from "./labels.js";
export { minimize, minimizeWithRestarts, type MinimizeOptions, type MinimizeResult } from "./nelder-mead.js";
export { minimizeBfgs, type BfgsResult, type ValueAndGradient } from "./bfgs.js";
export { logGamma, digamma, hyp2f1, logAddExp } from "./special.js";
export {
  simulateCustomers,
  seededRandom,
  sampleGamma,
  type SimulatedCustomers,
  type SimulateOptions,
} from "./simulate.js";
