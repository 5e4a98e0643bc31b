import { z } from "zod";

/**
 * Every setting the app reads from its environment, validated once at boot. Defaults run the
 * demo (embedded PGlite, memory cache, offline AI); production must set the Shopify keys, an
 * encryption key and a database. One error lists every missing or invalid variable.
 */
const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional());

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    SHOPIFY_APP_URL: z.url().default("http://localhost:3000"),
    SHOPIFY_API_KEY: optionalText,
    SHOPIFY_API_SECRET: optionalText,
    SCOPES: z
      .string()
      .default(
        "read_products,write_products,read_customers,write_customers,read_orders,read_translations,write_translations,read_locales,write_files,read_files,read_themes",
      ),
    SHOP_CUSTOM_DOMAIN: optionalText,
    // Serve Admin API calls from a local store emulator instead of https://<shop> (demo, tests).
    SHOPIFY_ADMIN_API_ORIGIN: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
    DATABASE_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    DATA_DIR: z.string().min(1).default(".data"),
    REDIS_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
        .optional(),
    ),
    ENCRYPTION_KEY: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded")
        .optional(),
    ),
    // Keys retired by a rotation, comma-separated: still decrypt, never encrypt.
    ENCRYPTION_PREVIOUS_KEYS: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .refine(
          (v) => v.split(",").every((k) => Buffer.from(k.trim(), "base64").length === 32),
          "must be comma-separated 32-byte base64 keys",
        )
        .optional(),
    ),
    OPENAI_API_KEY: optionalText,
    XAI_API_KEY: optionalText,
    SENTRY_DSN: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    API_RATE_LIMIT_PER_KEY: z.coerce.number().int().min(1).default(120),
    API_RATE_LIMIT_PER_SHOP: z.coerce.number().int().min(1).default(600),
    /** Hours between scheduled reconciliations of every shop's mirror with its store (0: never). */
    RECONCILE_INTERVAL_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 7)
      .default(6),
    NINJALEAD_DEMO: z.enum(["0", "1"]).default("0"),
    AUTO_MIGRATE: z.enum(["0", "1"]).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production" || env.NINJALEAD_DEMO === "1") return;
    if (env.SHOPIFY_ADMIN_API_ORIGIN) {
      ctx.addIssue({
        code: "custom",
        path: ["SHOPIFY_ADMIN_API_ORIGIN"],
        message: "is for the demo and tests only",
      });
    }
    const required = ["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "ENCRYPTION_KEY", "DATABASE_URL"] as const;
    for (const key of required) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required in production" });
    }
  });

export type Env = z.output<typeof EnvSchema>;

export interface AppConfig {
  env: Env["NODE_ENV"];
  port: number;
  host: string;
  appUrl: string;
  demo: boolean;
  shopify: {
    apiKey: string;
    apiSecret: string;
    scopes: string[];
    customDomain: string | undefined;
    /** A local Admin API (the store emulator) standing in for https://<shop>; never in production. */
    adminApiOrigin: string | undefined;
  };
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  /** 32-byte key for tokens and personal data at rest; a fixed, published key only in the demo. */
  encryptionKey: Buffer;
  /** Keys retired by a rotation: tokens sealed with them still open (and get re-sealed). */
  encryptionPreviousKeys: Buffer[];
  ai: { openaiApiKey: string | undefined; xaiApiKey: string | undefined };
  sentryDsn: string | undefined;
  logLevel: Env["LOG_LEVEL"];
  /** Public API requests per minute, per key and per shop. */
  apiRateLimits: { perKey: number; perShop: number };
  /** Between scheduled reconciliations of every installed shop (0: never). */
  reconcileIntervalMs: number;
  autoMigrate: boolean;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid environment (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
        issues.map((i) => `  - ${i.variable}: ${i.message}`).join("\n"),
    );
  }
}

// Demo-only credentials: the demo never talks to Shopify, and these values are public on purpose.
const DEMO_API_KEY = "ninjalead-demo-api-key";
const DEMO_API_SECRET = "ninjalead-demo-api-secret";
const DEMO_ENCRYPTION_KEY = Buffer.alloc(32, 7);

export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({
        variable: i.path.map(String).join(".") || "(env)",
        message: i.message,
      })),
    );
  }
  const env = parsed.data;
  const demo = env.NINJALEAD_DEMO === "1";
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    appUrl: env.SHOPIFY_APP_URL,
    demo,
    shopify: {
      apiKey: env.SHOPIFY_API_KEY ?? DEMO_API_KEY,
      apiSecret: env.SHOPIFY_API_SECRET ?? DEMO_API_SECRET,
      scopes: env.SCOPES.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      customDomain: env.SHOP_CUSTOM_DOMAIN,
      adminApiOrigin: env.SHOPIFY_ADMIN_API_ORIGIN,
    },
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    redisUrl: env.REDIS_URL,
    encryptionKey: env.ENCRYPTION_KEY ? Buffer.from(env.ENCRYPTION_KEY, "base64") : DEMO_ENCRYPTION_KEY,
    encryptionPreviousKeys: (env.ENCRYPTION_PREVIOUS_KEYS ?? "")
      .split(",")
      .filter((k) => k.trim() !== "")
      .map((k) => Buffer.from(k.trim(), "base64")),
    ai: { openaiApiKey: env.OPENAI_API_KEY, xaiApiKey: env.XAI_API_KEY },
    sentryDsn: env.SENTRY_DSN,
    logLevel: env.LOG_LEVEL,
    apiRateLimits: { perKey: env.API_RATE_LIMIT_PER_KEY, perShop: env.API_RATE_LIMIT_PER_SHOP },
    reconcileIntervalMs: Math.round(env.RECONCILE_INTERVAL_HOURS * 3_600_000),
    // The demo and development apply pending migrations at boot; production runs `npm run db:migrate`.
    autoMigrate: env.AUTO_MIGRATE ? env.AUTO_MIGRATE === "1" : demo || env.NODE_ENV !== "production",
  };
}

/** The only settings that may reach the browser (explicit allow-list). */
export function publicConfig(config: AppConfig): { apiKey: string; appUrl: string; demo: boolean } {
  return { apiKey: config.shopify.apiKey, appUrl: config.appUrl, demo: config.demo };
}

let current: AppConfig | undefined;
/** The process-wide config, loaded on first use. */
export function config(): AppConfig {
  current ??= loadConfig();
  return current;
}
