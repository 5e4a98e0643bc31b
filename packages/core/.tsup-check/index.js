// src/ai/engine.ts
import { z as z3 } from "zod";

// src/errors/index.ts
var RETRYABLE_BY_DEFAULT = /* @__PURE__ */ new Set([
  "rate_limited",
  "timeout",
  "provider_unavailable",
  "cache_unavailable"
]);
var NinjaLeadError = class extends Error {
  name = "NinjaLeadError";
  code;
  retryable;
  details;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
    this.details = options.details ?? {};
  }
  /** Plain JSON for logs and API bodies; never includes the cause chain (it may hold secrets). */
  toJSON() {
    return { name: this.name, code: this.code, message: this.message, retryable: this.retryable };
  }
};
var ValidationError = class extends NinjaLeadError {
  name = "ValidationError";
  issues;
  constructor(message, issues, options = {}) {
    super(options.code ?? "validation_failed", message, { ...options, retryable: false });
    this.issues = issues;
  }
  /** The first offending field path, for callers that show one message. */
  get field() {
    return this.issues[0]?.path;
  }
};
function isNinjaLeadError(value) {
  return value instanceof NinjaLeadError || typeof value === "object" && value !== null && typeof value.code === "string" && typeof value.retryable === "boolean" && value instanceof Error;
}

// src/cache/memory.ts
var INTEGER = /^-?\d+$/;
function createMemoryCache(options = {}) {
  const maxEntries = options.maxEntries ?? 1e4;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new NinjaLeadError("invalid_config", "maxEntries must be a positive integer");
  }
  const now = options.now ?? Date.now;
  const entries = /* @__PURE__ */ new Map();
  const expiry = (opts) => opts?.ttlMs !== void 0 && opts.ttlMs > 0 ? now() + opts.ttlMs : 0;
  const live = (key) => {
    const entry = entries.get(key);
    if (!entry) return void 0;
    if (entry.expiresAt !== 0 && entry.expiresAt <= now()) {
      entries.delete(key);
      return void 0;
    }
    return entry;
  };
  const write = (key, entry) => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done === true) break;
      entries.delete(oldest.value);
    }
  };
  const cache = {
    backend: () => "memory",
    get(key) {
      const entry = live(key);
      if (!entry) return Promise.resolve(void 0);
      write(key, entry);
      return Promise.resolve(JSON.parse(entry.value));
    },
    set(key, value, opts) {
      write(key, { value: JSON.stringify(value), expiresAt: expiry(opts) });
      return Promise.resolve();
    },
    add(key, value, opts) {
      if (live(key)) return Promise.resolve(false);
      write(key, { value: JSON.stringify(value), expiresAt: expiry(opts) });
      return Promise.resolve(true);
    },
    delete(key) {
      const existed = live(key) !== void 0;
      entries.delete(key);
      return Promise.resolve(existed);
    },
    increment(key, by = 1, opts) {
      if (!Number.isInteger(by)) {
        return Promise.reject(new NinjaLeadError("bad_request", "increment needs an integer step"));
      }
      const entry = live(key);
      if (entry && !INTEGER.test(entry.value)) {
        return Promise.reject(
          new NinjaLeadError("bad_request", `Cache key "${key}" does not hold an integer`)
        );
      }
      const next = (entry ? Number(entry.value) : 0) + by;
      write(key, { value: String(next), expiresAt: entry ? entry.expiresAt : expiry(opts) });
      return Promise.resolve(next);
    },
    ttl(key) {
      const entry = live(key);
      if (!entry) return Promise.resolve(void 0);
      return Promise.resolve(entry.expiresAt === 0 ? Infinity : entry.expiresAt - now());
    },
    acquireLock(key, ttlMs) {
      const lockKey = `lock:${key}`;
      if (live(lockKey)) return Promise.resolve(null);
      const token = randomToken();
      write(lockKey, { value: JSON.stringify(token), expiresAt: now() + ttlMs });
      const lock = {
        key,
        token,
        release() {
          const held = live(lockKey);
          if (!held || held.value !== JSON.stringify(token)) return Promise.resolve(false);
          entries.delete(lockKey);
          return Promise.resolve(true);
        }
      };
      return Promise.resolve(lock);
    },
    close() {
      entries.clear();
      return Promise.resolve();
    }
  };
  return cache;
}
function randomToken() {
  return globalThis.crypto.randomUUID();
}

// src/i18n/index.ts
var LANGUAGES = ["en", "fr", "es", "de", "it", "pt-BR", "nl", "pl", "ja", "zh-CN"];
function translate(catalog, language, key, params = {}) {
  const template = catalog[language][key] ?? catalog.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name) => {
    const value = params[name];
    return value === void 0 ? match : String(value);
  });
}

// src/internal/zod.ts
function toFieldIssues(error) {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message
  }));
}
function parseOrThrow(schema, input, what, code = "validation_failed") {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  const list = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  throw new ValidationError(`Invalid ${what}: ${list}`, issues, { code });
}

// src/logger.ts
var silentLogger = {
  debug() {
  },
  info() {
  },
  warn() {
  },
  error() {
  }
};

// src/ai/breaker.ts
var CircuitBreaker = class {
  constructor(options, now) {
    this.options = options;
    this.now = now;
  }
  options;
  now;
  failures = 0;
  openedAt = 0;
  current = "closed";
  probeInFlight = false;
  /** The state as of now (an open circuit past its cooldown reads as half-open). */
  state() {
    if (this.current === "open" && this.now() - this.openedAt >= this.options.cooldownMs) return "half-open";
    return this.current;
  }
  /** True when a call may go to the provider; in half-open only one probe at a time passes. */
  tryAcquire() {
    const state = this.state();
    if (state === "closed") return true;
    if (state === "open" || this.probeInFlight) return false;
    this.current = "half-open";
    this.probeInFlight = true;
    return true;
  }
  onSuccess() {
    this.failures = 0;
    this.current = "closed";
    this.probeInFlight = false;
  }
  onFailure() {
    this.failures += 1;
    if (this.current === "half-open" || this.failures >= this.options.failureThreshold) {
      this.current = "open";
      this.openedAt = this.now();
    }
    this.probeInFlight = false;
  }
  /** Neither success nor failure (e.g. the caller aborted): frees a half-open probe slot. */
  onNeutral() {
    this.probeInFlight = false;
  }
};

// src/ai/config.ts
import { z } from "zod";
var rateLimitsSchema = z.object({
  rpm: z.number().positive().optional(),
  tpm: z.number().positive().optional()
});
var providerSchema = (defaults) => z.object({
  apiKey: z.string().min(1, "apiKey must not be empty"),
  baseURL: z.url().default(defaults.baseURL),
  model: z.string().min(1).default(defaults.model),
  imageModel: z.string().min(1).default(defaults.imageModel),
  /** Known limits of the account; learnt from x-ratelimit-* headers when absent. */
  rateLimits: rateLimitsSchema.optional()
});
var OPENAI_DEFAULTS = {
  baseURL: "https://api.openai.com/v1",
  model: "gpt-4.1-mini",
  imageModel: "gpt-image-1"
};
var XAI_DEFAULTS = {
  baseURL: "https://api.x.ai/v1",
  model: "grok-3-mini",
  imageModel: "grok-2-image-1212"
};
var isFunction = (v) => typeof v === "function";
var aiConfigSchema = z.object({
  openai: providerSchema(OPENAI_DEFAULTS).optional(),
  xai: providerSchema(XAI_DEFAULTS).optional(),
  /** Whether the offline generator may answer (always when no provider is configured). */
  offline: z.boolean().default(true),
  cache: z.custom((v) => typeof v === "object" && v !== null && "increment" in v, "must be a Cache").optional(),
  cacheTtlMs: z.number().int().nonnegative().default(24 * 60 * 60 * 1e3),
  imageStore: z.custom((v) => typeof v === "object" && v !== null && "put" in v, "must be an ImageStore").optional(),
  timeoutMs: z.number().int().positive().default(6e4),
  defaultMaxOutputTokens: z.number().int().positive().default(1024),
  retry: z.object({
    maxRetries: z.number().int().min(0).max(10).default(2),
    baseDelayMs: z.number().nonnegative().default(500),
    maxDelayMs: z.number().nonnegative().default(8e3),
    maxRetryAfterMs: z.number().nonnegative().default(6e4)
  }).prefault({}),
  breaker: z.object({
    failureThreshold: z.number().int().positive().default(5),
    cooldownMs: z.number().nonnegative().default(3e4)
  }).prefault({}),
  quota: z.object({
    /** Credits each shop may spend per window (calls without `shopId` are not metered). */
    creditsPerShop: z.number().int().nonnegative(),
    /** Length of a credit window; absent = credits never renew. */
    windowMs: z.number().int().positive().optional(),
    textCredits: z.number().int().positive().default(1),
    imageCredits: z.number().int().positive().default(4)
  }).optional(),
  prices: z.custom((v) => typeof v === "object" && v !== null, "must be a price table").optional(),
  /** Called once per call that produced output, for the app to persist usage. */
  onUsage: z.custom(isFunction, "must be a function").optional(),
  logger: z.custom((v) => typeof v === "object" && v !== null && "warn" in v, "must be a Logger").optional(),
  /** Clock, injectable for tests of the breaker, buckets and quota windows. */
  now: z.custom(isFunction, "must be a function").optional(),
  /** Random source for retry jitter. */
  random: z.custom(isFunction, "must be a function").optional()
});
function resolveAIConfig(config) {
  return parseOrThrow(aiConfigSchema, config, "AI config", "invalid_config");
}
function aiConfigFromEnv(env) {
  const read = (name) => {
    const value = env[name]?.trim();
    return value ? value : void 0;
  };
  const provider = (prefix) => {
    const apiKey = read(`${prefix}_API_KEY`);
    if (!apiKey) return void 0;
    const baseURL = read(`${prefix}_BASE_URL`);
    const model = read(`${prefix}_MODEL`);
    const imageModel = read(`${prefix}_IMAGE_MODEL`);
    return {
      apiKey,
      ...baseURL ? { baseURL } : {},
      ...model ? { model } : {},
      ...imageModel ? { imageModel } : {}
    };
  };
  const openai = provider("OPENAI");
  const xai = provider("XAI");
  return { ...openai ? { openai } : {}, ...xai ? { xai } : {} };
}

// src/ai/errors.ts
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  OpenAIError
} from "openai";
var AIError = class extends NinjaLeadError {
  name = "AIError";
  provider;
  status;
  headers;
  constructor(code, message, options = {}) {
    super(code, message, options);
    this.provider = options.provider;
    this.status = options.status;
    this.headers = options.headers ?? {};
  }
};
function headerRecord(headers) {
  const out = {};
  headers?.forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
}
function codeForStatus(status) {
  if (status === 401 || status === 403) return { code: "auth_failed", retryable: false };
  if (status === 408) return { code: "timeout", retryable: true };
  if (status === 409) return { code: "conflict", retryable: true };
  if (status === 429) return { code: "rate_limited", retryable: true };
  if (status >= 500) return { code: "provider_unavailable", retryable: true };
  return { code: "bad_request", retryable: false };
}
function toAIError(error, provider) {
  if (error instanceof AIError) return error;
  if (error instanceof APIUserAbortError) {
    return new AIError("aborted", "The call was aborted", { provider, cause: error, retryable: false });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new AIError("timeout", `${provider} did not answer in time`, {
      provider,
      cause: error,
      retryable: true
    });
  }
  if (error instanceof APIConnectionError) {
    return new AIError("provider_unavailable", `Could not reach ${provider}: ${error.message}`, {
      provider,
      cause: error,
      retryable: true
    });
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const { code, retryable } = codeForStatus(error.status);
    return new AIError(code, `${provider} answered ${error.status}: ${error.message}`, {
      provider,
      cause: error,
      retryable,
      status: error.status,
      headers: headerRecord(error.headers)
    });
  }
  if (error instanceof SyntaxError || error instanceof OpenAIError) {
    return new AIError("provider_unavailable", `${provider} sent an unreadable response: ${error.message}`, {
      provider,
      cause: error,
      retryable: true
    });
  }
  if (error instanceof NinjaLeadError) {
    return new AIError(error.code, error.message, { provider, cause: error, retryable: error.retryable });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AIError("internal", `Unexpected error from ${provider}: ${message}`, {
    provider,
    cause: error,
    retryable: false
  });
}
function abortedError(signal, provider) {
  return new AIError("aborted", "The call was aborted", {
    cause: signal?.reason,
    retryable: false,
    ...provider === void 0 ? {} : { provider }
  });
}

// src/ai/hash.ts
async function sha256Hex(data) {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
function stableStringify(value) {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// src/ai/images.ts
var EXTENSIONS = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/svg+xml": "svg"
};
async function imageKey(image) {
  const ext = EXTENSIONS[image.contentType];
  if (!ext) throw new AIError("bad_request", `Unsupported image content type "${image.contentType}"`);
  return `${await sha256Hex(image.bytes)}.${ext}`;
}
function contentTypeOfKey(key) {
  const ext = key.slice(key.lastIndexOf(".") + 1);
  return Object.entries(EXTENSIONS).find(([, e]) => e === ext)?.[0];
}
function createMemoryImageStore() {
  const images = /* @__PURE__ */ new Map();
  return {
    size: () => images.size,
    put(key, image) {
      if (images.has(key)) return Promise.resolve({ created: false });
      images.set(key, { bytes: new Uint8Array(image.bytes), contentType: image.contentType });
      return Promise.resolve({ created: true });
    },
    get(key) {
      const image = images.get(key);
      return Promise.resolve(
        image ? { bytes: new Uint8Array(image.bytes), contentType: image.contentType } : void 0
      );
    },
    has(key) {
      return Promise.resolve(images.has(key));
    }
  };
}

// src/ai/ledger.ts
var MICRO = 1e6;
var QuotaLedger = class {
  constructor(cache, options, now) {
    this.cache = cache;
    this.options = options;
    this.now = now;
  }
  cache;
  options;
  now;
  window() {
    const w = this.options?.windowMs;
    if (!w) return { suffix: "all", ttlMs: 0 };
    return { suffix: String(Math.floor(this.now() / w)), ttlMs: w * 2 };
  }
  keys(shopId) {
    const { suffix, ttlMs } = this.window();
    const base = `ai:quota:${encodeURIComponent(shopId)}:${suffix}`;
    return { held: `${base}:held`, charged: `${base}:charged`, ttlMs };
  }
  /** Holds `credits` for a call, or throws `quota_exceeded`. Undefined when quotas are off or no shop is given. */
  async reserve(shopId, credits) {
    if (!this.options || shopId === void 0) return void 0;
    const { held, charged, ttlMs } = this.keys(shopId);
    const ttl = ttlMs > 0 ? { ttlMs } : {};
    const after = await this.cache.increment(held, credits, ttl);
    if (after > this.options.creditsPerShop) {
      await this.cache.increment(held, -credits, ttl);
      throw new AIError("quota_exceeded", `Shop ${shopId} has no AI credits left`, {
        retryable: false,
        details: { shopId, limit: this.options.creditsPerShop, requested: credits }
      });
    }
    const id = globalThis.crypto.randomUUID();
    const settle = async (how) => {
      if (!await this.cache.add(`ai:quota:settled:${id}`, how, { ttlMs: ttlMs || 24 * 36e5 }))
        return false;
      if (how === "commit") await this.cache.increment(charged, credits, ttl);
      else await this.cache.increment(held, -credits, ttl);
      return true;
    };
    return { id, shopId, credits, commit: () => settle("commit"), release: () => settle("release") };
  }
  /** The shop's credits in the current window. */
  async balance(shopId) {
    const limit = this.options?.creditsPerShop ?? Infinity;
    const { held, charged } = this.keys(shopId);
    const h = await this.cache.get(held) ?? 0;
    const c = await this.cache.get(charged) ?? 0;
    return { limit, held: h, charged: c, available: Math.max(0, limit - h) };
  }
  /** Adds one call to the shop's running usage totals (cost kept in micro-dollars, integers). */
  async record(record) {
    const base = `ai:usage:${encodeURIComponent(record.shopId ?? "_")}`;
    await Promise.all([
      this.cache.increment(`${base}:calls`, 1),
      this.cache.increment(`${base}:inputTokens`, record.inputTokens),
      this.cache.increment(`${base}:outputTokens`, record.outputTokens),
      this.cache.increment(`${base}:images`, record.images),
      this.cache.increment(`${base}:costMicroUsd`, Math.round(record.costUsd * MICRO))
    ]);
  }
  async usage(shopId) {
    const base = `ai:usage:${encodeURIComponent(shopId ?? "_")}`;
    const read = async (k) => await this.cache.get(`${base}:${k}`) ?? 0;
    return {
      calls: await read("calls"),
      inputTokens: await read("inputTokens"),
      outputTokens: await read("outputTokens"),
      images: await read("images"),
      costUsd: await read("costMicroUsd") / MICRO
    };
  }
};

// src/ai/prices.ts
var DEFAULT_PRICES = {
  "gpt-4.1-mini": { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  "gpt-4.1": { inputPerMTok: 2, outputPerMTok: 8 },
  "gpt-4o-mini": { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  "gpt-4o": { inputPerMTok: 2.5, outputPerMTok: 10 },
  "grok-3-mini": { inputPerMTok: 0.3, outputPerMTok: 0.5 },
  "grok-3": { inputPerMTok: 3, outputPerMTok: 15 },
  "grok-4": { inputPerMTok: 3, outputPerMTok: 15 },
  "gpt-image-1": { perImage: 0.042 },
  "dall-e-3": { perImage: 0.04 },
  "grok-2-image-1212": { perImage: 0.07 }
};
function estimateCost(prices, model, usage) {
  const price = prices[model];
  if (!price) return 0;
  const cost = (usage.inputTokens ?? 0) * (price.inputPerMTok ?? 0) / 1e6 + (usage.outputTokens ?? 0) * (price.outputPerMTok ?? 0) / 1e6 + (usage.images ?? 0) * (price.perImage ?? 0);
  return Math.round(cost * 1e9) / 1e9;
}

// src/ai/provider.ts
import OpenAI from "openai";
function headerRecord2(headers) {
  const out = {};
  headers.forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
}
var IMAGE_TYPES = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp"
};
function createRemoteProvider(config) {
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, maxRetries: 0 });
  const requestOptions = (options) => ({
    maxRetries: 0,
    timeout: options.timeoutMs,
    ...options.signal ? { signal: options.signal } : {}
  });
  return {
    name: config.name,
    model: config.model,
    imageModel: config.imageModel,
    async chat(request, options) {
      try {
        const { data, response } = await client.chat.completions.create(
          {
            model: config.model,
            messages: request.messages,
            response_format: request.responseFormat,
            max_completion_tokens: request.maxOutputTokens
          },
          requestOptions(options)
        ).withResponse();
        const choice = data.choices[0];
        if (choice?.message.refusal) {
          throw new AIError("invalid_output", `${config.name} refused: ${choice.message.refusal}`, {
            provider: config.name,
            retryable: false
          });
        }
        return {
          content: choice?.message.content ?? null,
          inputTokens: data.usage?.prompt_tokens ?? 0,
          outputTokens: data.usage?.completion_tokens ?? 0,
          headers: headerRecord2(response.headers)
        };
      } catch (error) {
        throw toAIError(error, config.name);
      }
    },
    async image(request, options) {
      const gptImage = config.imageModel.startsWith("gpt-image");
      const size = gptImage ? "1024x1024" : request.size;
      try {
        const { data, response } = await client.images.generate(
          {
            model: config.imageModel,
            prompt: request.prompt,
            n: 1,
            ...config.name === "xai" ? {} : { size },
            ...gptImage ? {} : { response_format: "b64_json" }
          },
          requestOptions(options)
        ).withResponse();
        const b64 = data.data?.[0]?.b64_json;
        if (!b64) {
          throw new AIError("provider_unavailable", `${config.name} returned no image bytes`, {
            provider: config.name,
            retryable: true
          });
        }
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        return {
          bytes,
          contentType: IMAGE_TYPES[data.output_format ?? "png"] ?? "image/png",
          headers: headerRecord2(response.headers)
        };
      } catch (error) {
        throw toAIError(error, config.name);
      }
    }
  };
}

// src/ai/retry.ts
function retryAfterMs(headers, now = Date.now()) {
  const ms = headers["retry-after-ms"];
  if (ms !== void 0) {
    const value = Number.parseFloat(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const raw = headers["retry-after"];
  if (raw === void 0) return void 0;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1e3;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
function retryDelay(error, retry, policy, random = Math.random) {
  if (!error.retryable || retry >= policy.maxRetries) return void 0;
  const asked = retryAfterMs(error.headers);
  if (asked !== void 0) return asked <= policy.maxRetryAfterMs ? asked : void 0;
  const backoff = Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs);
  return backoff * (1 - random() * 0.25);
}
function sleep(ms, signal) {
  if (signal?.aborted) return Promise.reject(abortedError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// src/ai/rate-limiter.ts
function parseResetDuration(value) {
  if (!value) return void 0;
  let total = 0;
  let matched = false;
  for (const m of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    matched = true;
    const n = Number(m[1]);
    total += m[2] === "ms" ? n : m[2] === "s" ? n * 1e3 : m[2] === "m" ? n * 6e4 : n * 36e5;
  }
  if (matched) return total;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds * 1e3 : void 0;
}
var RateLimiter = class {
  requests;
  tokens;
  pausedUntil = 0;
  /** Until a response has told us the limits (or that there are none), one probe at a time. */
  known;
  probing = false;
  queue = [];
  pumping = false;
  safety;
  burstMs;
  now;
  constructor(limits = {}, options = {}) {
    this.safety = options.safety ?? 0.97;
    this.burstMs = options.burstMs ?? 250;
    this.now = options.now ?? (() => performance.now());
    if (limits.rpm) this.requests = this.bucket(limits.rpm);
    if (limits.tpm) this.tokens = this.bucket(limits.tpm);
    this.known = options.learn === false || this.requests !== void 0 || this.tokens !== void 0;
  }
  /** Current per-minute limits in force (undefined until configured or learnt). */
  limits() {
    const perMinute = (b) => b ? Math.round(b.perMs * 6e4 / this.safety) : void 0;
    return { rpm: perMinute(this.requests), tpm: perMinute(this.tokens) };
  }
  /** Waits for one request carrying `tokens` (prompt + max output) to be allowed. */
  async acquire(tokens, signal) {
    if (this.known && !this.requests && !this.tokens && this.pausedUntil <= this.now() && this.queue.length === 0)
      return;
    let waiter;
    const granted = new Promise((resolve) => {
      waiter = { tokens, resolve };
      this.queue.push(waiter);
    });
    void this.pump();
    if (!signal) return granted;
    const aborted = new Promise((_, reject) => {
      const onAbort = () => {
        const i = waiter ? this.queue.indexOf(waiter) : -1;
        if (i >= 0) this.queue.splice(i, 1);
        reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
      void granted.then(() => signal.removeEventListener("abort", onAbort));
    });
    await Promise.race([granted, aborted]);
  }
  /** Learns limits and remaining budget from a response's `x-ratelimit-*` headers. */
  observe(headers) {
    this.known = true;
    this.probing = false;
    const num = (name) => {
      const v = headers[name];
      if (v === void 0) return void 0;
      const n = Number(v);
      return Number.isFinite(n) ? n : void 0;
    };
    this.requests = this.adjust(
      this.requests,
      num("x-ratelimit-limit-requests"),
      num("x-ratelimit-remaining-requests")
    );
    this.tokens = this.adjust(
      this.tokens,
      num("x-ratelimit-limit-tokens"),
      num("x-ratelimit-remaining-tokens")
    );
    for (const kind of ["requests", "tokens"]) {
      if (num(`x-ratelimit-remaining-${kind}`) === 0) {
        const reset = parseResetDuration(headers[`x-ratelimit-reset-${kind}`]);
        if (reset !== void 0) this.pause(reset);
      }
    }
    void this.pump();
  }
  /** A call ended without an HTTP answer (connection error, abort): let the next caller probe. */
  settle() {
    if (!this.probing) return;
    this.probing = false;
    void this.pump();
  }
  /** Holds every caller for `ms` (after a 429 with Retry-After). */
  pause(ms) {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
    for (const b of [this.requests, this.tokens]) {
      if (b) {
        this.refill(b);
        b.level = Math.min(b.level, 0);
      }
    }
  }
  bucket(perMinute) {
    const perMs = perMinute * this.safety / 6e4;
    const capacity = Math.max(1, perMs * this.burstMs);
    return { perMs, capacity, level: capacity, at: this.now() };
  }
  adjust(bucket, limit, remaining) {
    let b = bucket;
    if (limit !== void 0 && limit > 0) {
      const fresh = this.bucket(limit);
      if (!b) b = fresh;
      else if (Math.abs(fresh.perMs - b.perMs) / b.perMs > 0.01) {
        this.refill(b);
        b = { ...fresh, level: Math.min(b.level, fresh.capacity) };
      }
    }
    if (b && remaining !== void 0) {
      this.refill(b);
      b.level = Math.min(b.level, remaining);
    }
    return b;
  }
  refill(b) {
    const t = this.now();
    b.level = Math.min(b.capacity, b.level + (t - b.at) * b.perMs);
    b.at = t;
  }
  /** Grants waiters in order while both buckets allow; otherwise sleeps until they will. */
  async pump() {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (; ; ) {
        const head = this.queue[0];
        if (!head) return;
        const paused = this.pausedUntil - this.now();
        if (paused > 0) {
          await sleep(Math.ceil(paused));
          continue;
        }
        if (!this.known) {
          if (this.probing) return;
          this.probing = true;
          this.queue.shift();
          head.resolve();
          continue;
        }
        const wait = this.waitFor(head.tokens);
        if (wait <= 0) {
          this.queue.shift();
          if (this.requests) this.requests.level -= 1;
          if (this.tokens) this.tokens.level -= Math.min(head.tokens, this.tokens.capacity);
          head.resolve();
          continue;
        }
        await sleep(Math.max(1, Math.ceil(wait)));
      }
    } finally {
      this.pumping = false;
    }
  }
  waitFor(tokens) {
    const pause = this.pausedUntil - this.now();
    let wait = pause > 0 ? pause : 0;
    for (const [b, need] of [
      [this.requests, 1],
      [this.tokens, tokens]
    ]) {
      if (!b) continue;
      this.refill(b);
      const want = Math.min(need, b.capacity);
      if (b.level < want) wait = Math.max(wait, (want - b.level) / b.perMs);
    }
    return wait;
  }
};

// src/ai/structured.ts
import { z as z2 } from "zod";
var schemaCache = /* @__PURE__ */ new WeakMap();
function allRequired(node) {
  if (Array.isArray(node)) return node.every(allRequired);
  if (node === null || typeof node !== "object") return true;
  const obj = node;
  if (obj["type"] === "object" && obj["properties"] && typeof obj["properties"] === "object") {
    const keys = Object.keys(obj["properties"]);
    const required = Array.isArray(obj["required"]) ? obj["required"] : [];
    if (keys.some((k) => !required.includes(k))) return false;
  }
  return Object.values(obj).every(allRequired);
}
function responseFormatFor(task) {
  const hit = schemaCache.get(task.schema);
  if (hit) return hit;
  const { $schema: _ignored, ...schema } = z2.toJSONSchema(task.schema, {
    io: "output",
    unrepresentable: "any"
  });
  const format = {
    type: "json_schema",
    json_schema: {
      name: task.name.replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64),
      schema,
      strict: allRequired(schema)
    }
  };
  schemaCache.set(task.schema, format);
  return format;
}
function validateOutput(task, content, input, ctx) {
  if (content === null || content === void 0 || content.trim() === "") {
    return { ok: false, problems: ["The reply was empty; answer with a JSON object."] };
  }
  let json;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return { ok: false, problems: [`The reply is not valid JSON (${error.message}).`] };
  }
  const parsed = task.schema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: toFieldIssues(parsed.error).map((i) => `${i.path}: ${i.message}`) };
  }
  const problems = task.check?.(parsed.data, input, ctx) ?? [];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, output: parsed.data };
}
function repairMessage(problems) {
  return [
    "Your previous answer did not meet the requirements:",
    ...problems.map((p) => `- ${p}`),
    "Reply again with the complete corrected JSON object only."
  ].join("\n");
}

// src/ai/tokens.ts
import { countTokens as countO200k } from "gpt-tokenizer/encoding/o200k_base";
function countTokens(text) {
  return countO200k(text);
}
var PER_MESSAGE = 3;
var REPLY_PRIMING = 3;
function countChatTokens(messages) {
  return messages.reduce((sum, m) => sum + PER_MESSAGE + countTokens(m.content), REPLY_PRIMING);
}

// src/ai/engine.ts
var OFFLINE_TEXT_MODEL = "offline-template";
var OFFLINE_IMAGE_MODEL = "offline-svg";
var runOptionsSchema = z3.object({
  language: z3.enum(LANGUAGES),
  shopId: z3.string().min(1).optional(),
  signal: z3.custom((v) => v instanceof AbortSignal, "must be an AbortSignal").optional(),
  timeoutMs: z3.number().int().positive().optional(),
  cache: z3.enum(["use", "bypass"]).optional()
});
var mapOptionsSchema = runOptionsSchema.extend({
  concurrency: z3.number().int().min(1).max(256).optional(),
  onProgress: z3.custom((v) => typeof v === "function", "must be a function").optional()
});
var imageRequestSchema = z3.object({
  prompt: z3.string().trim().min(1).max(4e3),
  size: z3.enum(["1024x1024", "512x512"]).optional(),
  shopId: z3.string().min(1).optional(),
  offlineSvg: z3.custom((v) => typeof v === "function", "must be a function"),
  signal: z3.custom((v) => v instanceof AbortSignal, "must be an AbortSignal").optional(),
  cache: z3.enum(["use", "bypass"]).optional()
});
function promptTokens(task, input, ctx) {
  const p = task.prompt(input, ctx);
  return countTokens(p.system) + countTokens(p.user);
}
function createAI(config = {}) {
  const cfg = resolveAIConfig(config);
  const now = cfg.now ?? Date.now;
  const random = cfg.random ?? Math.random;
  const logger = cfg.logger ?? silentLogger;
  const cache = cfg.cache ?? createMemoryCache();
  const store = cfg.imageStore ?? createMemoryImageStore();
  const prices = { ...DEFAULT_PRICES, ...cfg.prices };
  const ledger = new QuotaLedger(cache, cfg.quota, now);
  const slots = [];
  for (const name of ["openai", "xai"]) {
    const p = cfg[name];
    if (!p) continue;
    slots.push({
      provider: createRemoteProvider({ name, ...p }),
      breaker: new CircuitBreaker(cfg.breaker, now),
      limiter: new RateLimiter(p.rateLimits ?? {})
    });
  }
  const offlineAllowed = cfg.offline || slots.length === 0;
  const record = async (r) => {
    try {
      await ledger.record(r);
    } catch (error) {
      logger.warn("ai usage not recorded", { code: isNinjaLeadError(error) ? error.code : "internal" });
    }
    cfg.onUsage?.(r);
  };
  async function attempt(slot, tokens, signal, call) {
    const name = slot.provider.name;
    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw abortedError(signal, name);
      if (!slot.breaker.tryAcquire()) {
        throw new AIError("provider_unavailable", `${name} is failing; its circuit is open`, {
          provider: name,
          retryable: true,
          details: { breaker: "open" }
        });
      }
      try {
        await slot.limiter.acquire(tokens, signal);
      } catch {
        slot.breaker.onNeutral();
        throw abortedError(signal, name);
      }
      let error;
      try {
        const reply = await call();
        slot.breaker.onSuccess();
        slot.limiter.observe(reply.headers);
        return reply;
      } catch (caught) {
        error = toAIError(caught, name);
      }
      if (error.status === void 0) slot.limiter.settle();
      else slot.limiter.observe(error.headers);
      if (error.code === "aborted" || signal?.aborted) {
        slot.breaker.onNeutral();
        throw abortedError(signal, name);
      }
      if (error.code === "bad_request" || error.code === "invalid_output" || error.code === "rate_limited") {
        slot.breaker.onNeutral();
      } else slot.breaker.onFailure();
      if (error.status === 429) {
        const wait = retryAfterMs(error.headers);
        if (wait !== void 0) slot.limiter.pause(wait);
      }
      const delay = retryDelay(error, retry, cfg.retry, random);
      if (delay === void 0) throw error;
      logger.debug("ai retry", {
        provider: name,
        code: error.code,
        retry: retry + 1,
        delayMs: Math.round(delay)
      });
      await sleep(delay, signal);
    }
  }
  const fallsOver = (error) => error.retryable || error.code === "auth_failed";
  async function run(task, input, options) {
    const opts = parseOrThrow(runOptionsSchema, options, "AI run options", "bad_request");
    const signal = opts.signal;
    const started = now();
    const ctx = { language: opts.language };
    const prompt = task.prompt(input, ctx);
    const used = countTokens(prompt.system) + countTokens(prompt.user);
    if (task.promptTokenBudget !== void 0 && used > task.promptTokenBudget) {
      throw new AIError(
        "bad_request",
        `Prompt of ${task.name} is ${used} tokens, over its budget of ${task.promptTokenBudget}`,
        {
          retryable: false,
          details: { task: task.name, tokens: used, budget: task.promptTokenBudget }
        }
      );
    }
    if (signal?.aborted) throw abortedError(signal);
    const messages = [
      { role: "system", content: prompt.system },
      { role: "user", content: prompt.user }
    ];
    const responseFormat = responseFormatFor(task);
    const maxOutputTokens = prompt.maxOutputTokens ?? cfg.defaultMaxOutputTokens;
    const timeoutMs = opts.timeoutMs ?? cfg.timeoutMs;
    let reservation;
    let lastError;
    try {
      for (const slot of slots) {
        const { provider } = slot;
        const cacheKey = `ai:text:${await sha256Hex(
          stableStringify({
            provider: provider.name,
            model: provider.model,
            task: task.name,
            language: opts.language,
            messages,
            schema: responseFormat,
            maxOutputTokens
          })
        )}`;
        if (opts.cache !== "bypass") {
          const hit = await readCache(task, cacheKey);
          if (hit) {
            const result2 = {
              output: hit.output,
              provider: provider.name,
              model: provider.model,
              cached: true,
              usage: { inputTokens: 0, outputTokens: 0, costUsd: 0, latencyMs: now() - started }
            };
            await record(usageRecord(opts.shopId, "text", task.name, result2, 0));
            return result2;
          }
        }
        if (slot.breaker.state() === "open") {
          lastError = new AIError("provider_unavailable", `${provider.name} circuit is open`, {
            provider: provider.name
          });
          continue;
        }
        reservation ??= await ledger.reserve(opts.shopId, cfg.quota?.textCredits ?? 1);
        const convo = [...messages];
        let inputTokens = 0;
        let outputTokens = 0;
        try {
          for (let repair = 0; ; repair++) {
            const tokens = countChatTokens(convo) + maxOutputTokens;
            const reply = await attempt(
              slot,
              tokens,
              signal,
              () => provider.chat({ messages: convo, responseFormat, maxOutputTokens }, { signal, timeoutMs })
            );
            inputTokens += reply.inputTokens;
            outputTokens += reply.outputTokens;
            const checked2 = validateOutput(task, reply.content, input, ctx);
            if (checked2.ok) {
              const result2 = {
                output: checked2.output,
                provider: provider.name,
                model: provider.model,
                cached: false,
                usage: {
                  inputTokens,
                  outputTokens,
                  costUsd: estimateCost(prices, provider.model, { inputTokens, outputTokens }),
                  latencyMs: now() - started
                }
              };
              await reservation?.commit();
              reservation = void 0;
              await record(usageRecord(opts.shopId, "text", task.name, result2, 0));
              await writeCache(cacheKey, { output: checked2.output, inputTokens, outputTokens });
              return result2;
            }
            if (repair >= 1) {
              throw new AIError(
                "invalid_output",
                `${provider.name} output for ${task.name} failed its contract after a repair`,
                {
                  provider: provider.name,
                  retryable: false,
                  details: { problems: checked2.problems }
                }
              );
            }
            convo.push(
              { role: "assistant", content: reply.content ?? "" },
              { role: "user", content: repairMessage(checked2.problems) }
            );
          }
        } catch (caught) {
          const error = toAIError(caught, provider.name);
          if (inputTokens + outputTokens > 0) {
            const costUsd = estimateCost(prices, provider.model, { inputTokens, outputTokens });
            await record({
              shopId: opts.shopId,
              kind: "text",
              task: task.name,
              provider: provider.name,
              model: provider.model,
              inputTokens,
              outputTokens,
              images: 0,
              costUsd,
              latencyMs: now() - started,
              cached: false,
              at: now()
            });
          }
          if (!fallsOver(error)) throw error;
          logger.warn("ai provider failed over", { provider: provider.name, code: error.code });
          lastError = error;
        }
      }
      if (!offlineAllowed) {
        throw lastError ?? new AIError("provider_unavailable", "No AI provider is configured", { retryable: false });
      }
      if (signal?.aborted) throw abortedError(signal);
      const output = task.offline(input, ctx);
      const checked = validateOutput(task, JSON.stringify(output), input, ctx);
      if (!checked.ok) {
        throw new AIError("invalid_output", `Offline output for ${task.name} failed its contract`, {
          provider: "offline",
          retryable: false,
          details: { problems: checked.problems }
        });
      }
      const result = {
        output: checked.output,
        provider: "offline",
        model: OFFLINE_TEXT_MODEL,
        cached: false,
        usage: { inputTokens: 0, outputTokens: 0, costUsd: 0, latencyMs: now() - started }
      };
      await record(usageRecord(opts.shopId, "text", task.name, result, 0));
      return result;
    } finally {
      await reservation?.release();
    }
  }
  async function readCache(task, key) {
    try {
      const hit = await cache.get(key);
      if (!hit) return void 0;
      const parsed = task.schema.safeParse(hit.output);
      return parsed.success ? { output: parsed.data } : void 0;
    } catch {
      return void 0;
    }
  }
  async function writeCache(key, value) {
    if (cfg.cacheTtlMs === 0) return;
    try {
      await cache.set(key, value, { ttlMs: cfg.cacheTtlMs });
    } catch (error) {
      logger.warn("ai cache write failed", { code: isNinjaLeadError(error) ? error.code : "internal" });
    }
  }
  function usageRecord(shopId, kind, task, result, images) {
    return {
      shopId,
      kind,
      task,
      provider: result.provider,
      model: result.model,
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
      images,
      costUsd: result.usage.costUsd,
      latencyMs: result.usage.latencyMs,
      cached: result.cached,
      at: now()
    };
  }
  async function map(items, task, options) {
    parseOrThrow(mapOptionsSchema, options, "AI map options", "bad_request");
    const { concurrency = 8, onProgress, ...runOptions } = options;
    const results = new Array(items.length);
    let next = 0;
    let done = 0;
    let failed = 0;
    const worker = async () => {
      for (; ; ) {
        const index = next++;
        if (index >= items.length) return;
        try {
          results[index] = { ok: true, result: await run(task, items[index], runOptions) };
        } catch (error) {
          failed += 1;
          results[index] = {
            ok: false,
            error: isNinjaLeadError(error) ? error : new NinjaLeadError("internal", String(error), { cause: error })
          };
        }
        done += 1;
        onProgress?.({ done, total: items.length, failed });
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
    return results;
  }
  async function image(request) {
    const req = parseOrThrow(imageRequestSchema, request, "image request", "bad_request");
    const size = req.size ?? "1024x1024";
    const signal = req.signal;
    const started = now();
    let reservation;
    let lastError;
    try {
      for (const slot of slots) {
        const { provider } = slot;
        const cacheKey = `ai:image:${await sha256Hex(
          stableStringify({ provider: provider.name, model: provider.imageModel, prompt: req.prompt, size })
        )}`;
        if (req.cache !== "bypass") {
          const hit = await cache.get(cacheKey).catch(() => void 0);
          if (hit && await store.has(hit.key)) {
            return { ...hit, provider: provider.name, model: provider.imageModel, cached: true };
          }
        }
        if (slot.breaker.state() === "open") continue;
        reservation ??= await ledger.reserve(req.shopId, cfg.quota?.imageCredits ?? 4);
        try {
          const reply = await attempt(
            slot,
            0,
            signal,
            () => provider.image({ prompt: req.prompt, size }, { signal, timeoutMs: cfg.timeoutMs })
          );
          const key2 = await imageKey(reply);
          await store.put(key2, { bytes: reply.bytes, contentType: reply.contentType });
          await reservation?.commit();
          reservation = void 0;
          const costUsd = estimateCost(prices, provider.imageModel, { images: 1 });
          const result = {
            key: key2,
            contentType: reply.contentType,
            provider: provider.name,
            model: provider.imageModel,
            cached: false
          };
          await record({
            shopId: req.shopId,
            kind: "image",
            task: "image",
            provider: provider.name,
            model: provider.imageModel,
            inputTokens: 0,
            outputTokens: 0,
            images: 1,
            costUsd,
            latencyMs: now() - started,
            cached: false,
            at: now()
          });
          await writeCache(cacheKey, { key: key2, contentType: reply.contentType });
          return result;
        } catch (caught) {
          const error = toAIError(caught, provider.name);
          if (!fallsOver(error)) throw error;
          lastError = error;
        }
      }
      if (!offlineAllowed) {
        throw lastError ?? new AIError("provider_unavailable", "No image provider is configured", { retryable: false });
      }
      const svg = req.offlineSvg();
      const bytes = new TextEncoder().encode(svg);
      const contentType = "image/svg+xml";
      const key = await imageKey({ bytes, contentType });
      const { created } = await store.put(key, { bytes, contentType });
      return { key, contentType, provider: "offline", model: OFFLINE_IMAGE_MODEL, cached: !created };
    } finally {
      await reservation?.release();
    }
  }
  return {
    run,
    map,
    image,
    countTokens,
    images: store,
    balance: (shopId) => ledger.balance(shopId),
    usage: (shopId) => ledger.usage(shopId),
    providers: () => slots.map((s) => ({
      name: s.provider.name,
      model: s.provider.model,
      imageModel: s.provider.imageModel,
      breaker: s.breaker.state(),
      limits: s.limiter.limits()
    }))
  };
}

// src/ai/offline-text.ts
var OFFLINE_PHRASES = {
  en: {
    intro: "{title}: {summary}.",
    highlights: "Highlights: {list}.",
    price: "Available for {price}.",
    cta: "Order today and enjoy it tomorrow.",
    metaDescription: "{title} \u2013 {summary}. Shop now.",
    altText: "{title}, product photo",
    personaSummary: "{name} buys {frequency} and spends about {amount} per order.",
    campaignSubject: "{name}, something new for you",
    campaignBody: "Hello {name}, we picked {title} for you. {cta}"
  },
  fr: {
    intro: "{title} : {summary}.",
    highlights: "Points forts : {list}.",
    price: "Disponible pour {price}.",
    cta: "Commandez aujourd'hui, profitez-en demain.",
    metaDescription: "{title} \u2013 {summary}. Achetez maintenant.",
    altText: "{title}, photo du produit",
    personaSummary: "{name} ach\xE8te {frequency} et d\xE9pense environ {amount} par commande.",
    campaignSubject: "{name}, une nouveaut\xE9 pour vous",
    campaignBody: "Bonjour {name}, nous avons choisi {title} pour vous. {cta}"
  },
  es: {
    intro: "{title}: {summary}.",
    highlights: "Puntos destacados: {list}.",
    price: "Disponible por {price}.",
    cta: "P\xEDdelo hoy y disfr\xFAtalo ma\xF1ana.",
    metaDescription: "{title} \u2013 {summary}. Compra ahora.",
    altText: "{title}, foto del producto",
    personaSummary: "{name} compra {frequency} y gasta unos {amount} por pedido.",
    campaignSubject: "{name}, algo nuevo para ti",
    campaignBody: "Hola {name}, hemos elegido {title} para ti. {cta}"
  },
  de: {
    intro: "{title}: {summary}.",
    highlights: "Highlights: {list}.",
    price: "Erh\xE4ltlich f\xFCr {price}.",
    cta: "Heute bestellen, morgen genie\xDFen.",
    metaDescription: "{title} \u2013 {summary}. Jetzt kaufen.",
    altText: "{title}, Produktfoto",
    personaSummary: "{name} kauft {frequency} und gibt pro Bestellung etwa {amount} aus.",
    campaignSubject: "{name}, etwas Neues f\xFCr Sie",
    campaignBody: "Hallo {name}, wir haben {title} f\xFCr Sie ausgew\xE4hlt. {cta}"
  },
  it: {
    intro: "{title}: {summary}.",
    highlights: "Punti di forza: {list}.",
    price: "Disponibile a {price}.",
    cta: "Ordina oggi e goditelo domani.",
    metaDescription: "{title} \u2013 {summary}. Acquista ora.",
    altText: "{title}, foto del prodotto",
    personaSummary: "{name} acquista {frequency} e spende circa {amount} per ordine.",
    campaignSubject: "{name}, una novit\xE0 per te",
    campaignBody: "Ciao {name}, abbiamo scelto {title} per te. {cta}"
  },
  "pt-BR": {
    intro: "{title}: {summary}.",
    highlights: "Destaques: {list}.",
    price: "Dispon\xEDvel por {price}.",
    cta: "Pe\xE7a hoje e aproveite amanh\xE3.",
    metaDescription: "{title} \u2013 {summary}. Compre agora.",
    altText: "{title}, foto do produto",
    personaSummary: "{name} compra {frequency} e gasta cerca de {amount} por pedido.",
    campaignSubject: "{name}, uma novidade para voc\xEA",
    campaignBody: "Ol\xE1 {name}, escolhemos {title} para voc\xEA. {cta}"
  },
  nl: {
    intro: "{title}: {summary}.",
    highlights: "Hoogtepunten: {list}.",
    price: "Verkrijgbaar voor {price}.",
    cta: "Vandaag besteld, morgen in huis.",
    metaDescription: "{title} \u2013 {summary}. Nu kopen.",
    altText: "{title}, productfoto",
    personaSummary: "{name} koopt {frequency} en besteedt ongeveer {amount} per bestelling.",
    campaignSubject: "{name}, iets nieuws voor jou",
    campaignBody: "Hallo {name}, we hebben {title} voor je uitgekozen. {cta}"
  },
  pl: {
    intro: "{title}: {summary}.",
    highlights: "Najwa\u017Cniejsze cechy: {list}.",
    price: "Dost\u0119pne za {price}.",
    cta: "Zam\xF3w dzi\u015B, ciesz si\u0119 jutro.",
    metaDescription: "{title} \u2013 {summary}. Kup teraz.",
    altText: "{title}, zdj\u0119cie produktu",
    personaSummary: "{name} kupuje {frequency} i wydaje oko\u0142o {amount} na zam\xF3wienie.",
    campaignSubject: "{name}, nowo\u015B\u0107 dla Ciebie",
    campaignBody: "Cze\u015B\u0107 {name}, wybrali\u015Bmy dla Ciebie {title}. {cta}"
  },
  ja: {
    intro: "{title}\uFF1A{summary}\u3002",
    highlights: "\u304A\u3059\u3059\u3081\u30DD\u30A4\u30F3\u30C8\uFF1A{list}\u3002",
    price: "\u4FA1\u683C\uFF1A{price}\u3002",
    cta: "\u4ECA\u65E5\u3054\u6CE8\u6587\u3044\u305F\u3060\u304F\u3068\u3001\u660E\u65E5\u304A\u5C4A\u3051\u3057\u307E\u3059\u3002",
    metaDescription: "{title} \u2013 {summary}\u3002\u4ECA\u3059\u3050\u8CFC\u5165\u3002",
    altText: "{title}\u306E\u5546\u54C1\u5199\u771F",
    personaSummary: "{name}\u306F{frequency}\u8CFC\u5165\u3057\u30011\u56DE\u3042\u305F\u308A\u7D04{amount}\u3092\u4F7F\u3044\u307E\u3059\u3002",
    campaignSubject: "{name}\u69D8\u3078\u65B0\u7740\u306E\u304A\u77E5\u3089\u305B",
    campaignBody: "{name}\u69D8\u3001{title}\u3092\u304A\u9078\u3073\u3057\u307E\u3057\u305F\u3002{cta}"
  },
  "zh-CN": {
    intro: "{title}\uFF1A{summary}\u3002",
    highlights: "\u4EAE\u70B9\uFF1A{list}\u3002",
    price: "\u552E\u4EF7\uFF1A{price}\u3002",
    cta: "\u4ECA\u5929\u4E0B\u5355\uFF0C\u660E\u5929\u4EAB\u53D7\u3002",
    metaDescription: "{title} \u2013 {summary}\u3002\u7ACB\u5373\u9009\u8D2D\u3002",
    altText: "{title}\u7684\u4EA7\u54C1\u7167\u7247",
    personaSummary: "{name}{frequency}\u8D2D\u4E70\uFF0C\u6BCF\u5355\u82B1\u8D39\u7EA6{amount}\u3002",
    campaignSubject: "{name}\uFF0C\u4E3A\u60A8\u63A8\u8350\u65B0\u54C1",
    campaignBody: "{name}\u60A8\u597D\uFF0C\u6211\u4EEC\u4E3A\u60A8\u6311\u9009\u4E86{title}\u3002{cta}"
  }
};
var LIST_SEPARATORS = {
  en: { comma: ", ", and: " and " },
  fr: { comma: ", ", and: " et " },
  es: { comma: ", ", and: " y " },
  de: { comma: ", ", and: " und " },
  it: { comma: ", ", and: " e " },
  "pt-BR": { comma: ", ", and: " e " },
  nl: { comma: ", ", and: " en " },
  pl: { comma: ", ", and: " i " },
  ja: { comma: "\u3001", and: "\u3001" },
  "zh-CN": { comma: "\u3001", and: "\u548C" }
};
function hash32(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
var offlineText = {
  phrase(language, key, params = {}) {
    return translate(OFFLINE_PHRASES, language, key, params);
  },
  /** "a, b and c" with the language's separators. */
  list(language, items) {
    const { comma, and } = LIST_SEPARATORS[language];
    const clean = items.map((i) => i.trim()).filter((i) => i.length > 0);
    if (clean.length <= 1) return clean.join("");
    return `${clean.slice(0, -1).join(comma)}${and}${clean[clean.length - 1] ?? ""}`;
  },
  /**
   * Cuts `text` to at most `maxChars` characters, at a word boundary when the text has spaces
   * (CJK text has none and is cut at a character), without a dangling separator.
   */
  truncate(text, maxChars) {
    const chars = Array.from(text.trim());
    if (chars.length <= maxChars) return chars.join("");
    const cut = chars.slice(0, maxChars).join("");
    const space = cut.lastIndexOf(" ");
    const base = space > maxChars * 0.5 ? cut.slice(0, space) : cut;
    return base.replace(/[\s,;:–-]+$/u, "");
  },
  /** Picks one of `options` from a seed: stable variety without randomness. */
  pick(seed, options) {
    return options[hash32(seed) % options.length] ?? options[0];
  },
  /** A stable unsigned 32-bit number from a string. */
  hash: hash32,
  /** First sentence-ish summary of free text (HTML stripped), for intros and meta descriptions. */
  summarize(text, maxChars) {
    const plain = text.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
    const sentence = /^(.+?[.!?。！？])(\s|$)/u.exec(plain)?.[1] ?? plain;
    return offlineText.truncate(sentence.replace(/[.!?。！？]+$/u, ""), maxChars);
  }
};
var PALETTE = [
  "#5C6AC4",
  "#006FBB",
  "#47C1BF",
  "#50B83C",
  "#EEC200",
  "#F49342",
  "#DE3618",
  "#9C6ADE"
];
function escapeXml(text) {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function createOfflineAvatarSvg(seed, label) {
  const h = hash32(seed);
  const bg = PALETTE[h % PALETTE.length] ?? PALETTE[0];
  const accent = PALETTE[(h >>> 8) % PALETTE.length] ?? PALETTE[1];
  const initials = label.trim().split(/\s+/u).filter((w) => w.length > 0).slice(0, 2).map((w) => Array.from(w)[0]?.toUpperCase() ?? "").join("") || "?";
  const cx = 40 + (h >>> 16) % 48;
  const cy = 40 + (h >>> 24) % 48;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128" role="img" aria-label="${escapeXml(label)}">`,
    `<rect width="128" height="128" rx="64" fill="${bg}"/>`,
    `<circle cx="${cx}" cy="${cy}" r="34" fill="${accent}" opacity="0.35"/>`,
    `<text x="64" y="78" text-anchor="middle" font-family="system-ui, sans-serif" font-size="44" font-weight="600" fill="#FFFFFF">${escapeXml(initials)}</text>`,
    `</svg>`
  ].join("");
}

// src/ai/adapters.ts
var KEY = /^[0-9a-f]{64}\.[a-z]{3,4}$/;
function createFileImageStore(options) {
  const fs = async () => import("fs/promises");
  const pathOf = (key) => {
    if (!KEY.test(key)) throw new AIError("bad_request", `Invalid image key "${key}"`);
    return `${options.dir.replace(/\/+$/, "")}/${key}`;
  };
  const exists = async (path) => {
    try {
      await (await fs()).access(path);
      return true;
    } catch {
      return false;
    }
  };
  return {
    async put(key, image) {
      const path = pathOf(key);
      if (await exists(path)) return { created: false };
      const { mkdir, writeFile, rename } = await fs();
      await mkdir(options.dir, { recursive: true });
      const tmp = `${path}.${globalThis.crypto.randomUUID()}.tmp`;
      await writeFile(tmp, image.bytes);
      await rename(tmp, path);
      return { created: true };
    },
    async get(key) {
      const path = pathOf(key);
      if (!await exists(path)) return void 0;
      const bytes = new Uint8Array(await (await fs()).readFile(path));
      return { bytes, contentType: contentTypeOfKey(key) ?? "application/octet-stream" };
    },
    async has(key) {
      return exists(pathOf(key));
    }
  };
}

// src/ai/index.ts
function defineTask(task) {
  return task;
}
export {
  AIError,
  DEFAULT_PRICES,
  OFFLINE_IMAGE_MODEL,
  OFFLINE_PHRASES,
  OFFLINE_TEXT_MODEL,
  OPENAI_DEFAULTS,
  XAI_DEFAULTS,
  aiConfigFromEnv,
  codeForStatus,
  countChatTokens,
  countTokens,
  createAI,
  createFileImageStore,
  createMemoryImageStore,
  createOfflineAvatarSvg,
  defineTask,
  estimateCost,
  imageKey,
  offlineText,
  promptTokens
};
