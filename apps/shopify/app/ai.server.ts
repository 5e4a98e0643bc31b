import { createHash } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import type { Cache, Logger } from "@ninjalead/core";
import { aiConfigFromEnv, type AIEngine } from "@ninjalead/core/ai";
import { shopProviderKeys } from "./admin/shop-settings.server.js";
import { createPlanEngines } from "./billing/ai.server.js";
import { config } from "./config.server.js";
import { createTokenCipher, type TokenCipher } from "./security/token-cipher.server.js";
import { services } from "./services.server.js";

export interface ShopAIDeps {
  prisma: PrismaClient;
  cache: Cache;
  logger: Logger;
  /** The app's token cipher: shops' own provider keys are stored sealed with it. */
  cipher: TokenCipher;
  /** OPENAI_* / XAI_* variables: the app's keys, and base URLs and models for the shops' keys. */
  env: Readonly<Record<string, string | undefined>>;
}

// Engines built for shops' own keys, by key fingerprint; bounded (oldest dropped first).
const MAX_KEYED_ENGINES = 200;

/**
 * The AI engine resolver for shops: the shop's own OpenAI / xAI key when it set one in Settings
 * (used in place of the app's key for that provider), else the app's keys from the environment,
 * offline only when neither exists. Every engine is metered against the shop's plan credits on
 * the shared cache (the ledger is per shop, whichever engine charges it).
 */
export function createShopAI(deps: ShopAIDeps): (shop: string) => Promise<AIEngine> {
  const base = { cache: deps.cache, logger: deps.logger };
  const appEngines = createPlanEngines({ ...aiConfigFromEnv(deps.env), ...base });
  const keyed = new Map<string, ReturnType<typeof createPlanEngines>>();
  return async (shop) => {
    const row = await deps.prisma.shop.findUnique({
      where: { domain: shop },
      select: { plan: true, settings: true },
    });
    const own = row ? shopProviderKeys(row.settings, deps.cipher, deps.logger) : {};
    if (!own.openai && !own.xai) return appEngines(row?.plan);
    const fromEnv = aiConfigFromEnv(deps.env);
    const providers = {
      ...fromEnv,
      ...(own.openai ? { openai: { ...envProvider(deps.env, "OPENAI"), apiKey: own.openai } } : {}),
      ...(own.xai ? { xai: { ...envProvider(deps.env, "XAI"), apiKey: own.xai } } : {}),
    };
    const fingerprint = createHash("sha256")
      .update(`${own.openai ?? ""}\n${own.xai ?? ""}`)
      .digest("hex");
    let engines = keyed.get(fingerprint);
    if (!engines) {
      engines = createPlanEngines({ ...providers, ...base });
      keyed.set(fingerprint, engines);
      if (keyed.size > MAX_KEYED_ENGINES) keyed.delete(keyed.keys().next().value ?? "");
    }
    return engines(row?.plan);
  };
}

/** A provider's base URL and models from the environment (without its key). */
function envProvider(
  env: Readonly<Record<string, string | undefined>>,
  prefix: "OPENAI" | "XAI",
): { baseURL?: string; model?: string; imageModel?: string } {
  const read = (name: string) => env[`${prefix}_${name}`]?.trim() || undefined;
  const [baseURL, model, imageModel] = [read("BASE_URL"), read("MODEL"), read("IMAGE_MODEL")];
  return {
    ...(baseURL ? { baseURL } : {}),
    ...(model ? { model } : {}),
    ...(imageModel ? { imageModel } : {}),
  };
}

// Held on globalThis like the other services (the custom server and the Remix build each load
// their own copy of this module).
const registry = globalThis as { __ninjaleadShopAI?: Promise<(shop: string) => Promise<AIEngine>> };

/**
 * The AI engine for a shop's work (see createShopAI), on the process-wide services.
 * Pass `shopId: shop` to `run`/`map`/`image` so the call is charged to the shop.
 */
export async function aiForShop(shop: string): Promise<AIEngine> {
  registry.__ninjaleadShopAI ??= services().then(({ db, cache, logger }) => {
    const cfg = config();
    return createShopAI({
      prisma: db.prisma,
      cache,
      logger,
      cipher: createTokenCipher(cfg.encryptionKey, cfg.encryptionPreviousKeys),
      env: process.env,
    });
  });
  return (await registry.__ninjaleadShopAI)(shop);
}
