import { z } from "zod";
import type { Store } from "./store/store.js";

const retrySchema = z.object({
  maxAttempts: z.number().int().min(1).max(20).default(9),
  initialDelayMs: z.number().int().min(0).default(5_000),
  maxDelayMs: z
    .number()
    .int()
    .min(0)
    .default(30 * 60_000),
});

const generateSchema = z.object({
  seed: z.number().int().default(1),
  products: z.number().int().min(0).default(500),
  customers: z.number().int().min(0).default(5_000),
  orders: z.number().int().min(0).default(50_000),
});

/** Options of {@link start}; every field has a default. */
export const emulatorOptionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().default("127.0.0.1"),
  shop: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "must be a <name>.myshopify.com domain")
    .default("ninjalead-demo.myshopify.com"),
  accessToken: z.string().min(1).optional(),
  apiKey: z.string().min(1).default("emulator-api-key"),
  apiSecret: z.string().min(1).default("emulator-api-secret"),
  scopes: z
    .array(z.string())
    .default([
      "read_products",
      "write_products",
      "read_customers",
      "read_orders",
      "write_translations",
      "write_files",
    ]),
  /** Seed the store with the generator (omit for an empty store). */
  generate: generateSchema.optional(),
  throttle: z
    .object({
      maximumAvailable: z.number().positive().default(2_000),
      restoreRate: z.number().positive().default(100),
      maxQueryCost: z.number().positive().default(1_000),
    })
    .default({ maximumAvailable: 2_000, restoreRate: 100, maxQueryCost: 1_000 }),
  webhooks: z
    .object({
      /** Receives every topic the emulator emits, like the subscriptions of shopify.app.toml. */
      appUrl: z.url().optional(),
      /** Restricts what appUrl receives (header form, e.g. "products/update"); all when absent. */
      appTopics: z.array(z.string()).optional(),
      /** Receives the compliance topics (defaults to appUrl). */
      complianceUrl: z.url().optional(),
      retry: retrySchema.default({ maxAttempts: 9, initialDelayMs: 5_000, maxDelayMs: 30 * 60_000 }),
      timeoutMs: z.number().int().positive().default(5_000),
      duplicate: z.number().int().min(0).default(0),
      drop: z.number().int().min(0).default(0),
      delayMs: z.number().int().min(0).default(0),
      reorder: z.number().int().min(0).default(0),
    })
    .default({
      retry: { maxAttempts: 9, initialDelayMs: 5_000, maxDelayMs: 30 * 60_000 },
      timeoutMs: 5_000,
      duplicate: 0,
      drop: 0,
      delayMs: 0,
      reorder: 0,
    }),
  /** Lifetime of expiring offline access tokens issued by token exchange, in seconds. */
  offlineTokenSeconds: z.number().int().positive().default(3_600),
  bulk: z
    .object({ pageSize: z.number().int().min(1).max(10_000).default(1_000) })
    .default({ pageSize: 1_000 }),
});

export type EmulatorOptionsInput = z.input<typeof emulatorOptionsSchema> & {
  /** A store built by the caller (takes precedence over `generate`). */
  store?: Store;
  /** Where delivery failures are reported (silent by default). */
  logger?: { info(message: string): void; warn(message: string): void };
};
export type EmulatorOptions = z.output<typeof emulatorOptionsSchema>;
